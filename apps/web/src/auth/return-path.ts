/**
 * Where to go after signing in: a path on this site, or the home page. Browsers read `\` as `/`
 * and drop tabs and new lines from URLs, so `/\evil.example` and `/<tab>/evil.example` would
 * leave the site just as `//evil.example` would; anything but a plain same-site path is refused.
 */
export function safeReturnPath(returnTo: string | null): string {
  if (!returnTo?.startsWith("/") || returnTo.startsWith("//")) return "/";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(returnTo)) return "/";
  const base = "https://return-path.invalid";
  const resolved = new URL(returnTo, base);
  return resolved.origin === base ? `${resolved.pathname}${resolved.search}${resolved.hash}` : "/";
}
