/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The same server, signing in as another role. */
export function withLogin(url: string, login: { readonly name: string; readonly password: string }): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(login.name);
  parsed.password = encodeURIComponent(login.password);
  return parsed.toString();
}
