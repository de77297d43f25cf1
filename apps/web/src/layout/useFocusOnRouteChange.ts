import { useEffect, useRef, type RefObject } from "react";
import { useLocation } from "react-router";

/**
 * A single-page app must tell screen readers that the page changed: after each client-side
 * navigation, focus moves to the new page's h1 (or to <main> while the page is still loading).
 * The first page load is left alone, as the browser handles it.
 */
export function useFocusOnRouteChange(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target = main.current?.querySelector<HTMLElement>("h1") ?? main.current;
    if (!target) return;
    window.scrollTo(0, 0);
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [main, pathname]);
}
