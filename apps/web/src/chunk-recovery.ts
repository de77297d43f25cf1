/** Marks the one reload this page may make to pick up a new build. */
const RELOAD_FLAG = "reloaded";

/**
 * After a deploy, a page loaded from the old build asks for bundles that are gone (the server
 * answers 404). Vite reports a failed lazy import as `vite:preloadError`; the page then reloads
 * once to get the new build. The flag in the URL (no browser storage: nothing is kept there)
 * says the reload has happened, so a bundle that is really broken shows the error instead of
 * reloading for ever. The flag is taken out of the address bar at once.
 */
export function recoverFromStaleBundles(): void {
  const url = new URL(window.location.href);
  const alreadyReloaded = url.searchParams.has(RELOAD_FLAG);
  if (alreadyReloaded) {
    url.searchParams.delete(RELOAD_FLAG);
    window.history.replaceState(window.history.state, "", url);
  }
  // The error is left to propagate (no preventDefault): told it was handled, Vite would give the
  // lazy page `undefined`, which fails more obscurely in the moment before the reload.
  window.addEventListener("vite:preloadError", () => {
    if (alreadyReloaded) return;
    const next = new URL(window.location.href);
    next.searchParams.set(RELOAD_FLAG, "1");
    window.location.replace(next);
  });
}
