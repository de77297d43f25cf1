import { useEffect, useRef, type RefObject } from "react";
import { useLocation } from "react-router";

/**
 * A single-page app must tell screen readers that the page changed: after each client-side
 * navigation, focus moves to the new page's h1 (or to <main> while the page is still loading).
 * A link to one question ("#child-school", from a change link) focuses that question instead.
 * The first page load is left alone, as the browser handles it.
 */
export function useFocusOnRouteChange(main: RefObject<HTMLElement | null>): void {
  const { pathname, hash } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const question = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (question && question.offsetParent !== null) {
      // The label or legend stays in view above the field, as the error summary does it.
      (question.closest(".govuk-form-group") ?? question).scrollIntoView({ block: "start" });
      question.focus({ preventScroll: true });
      return;
    }
    const target = main.current?.querySelector<HTMLElement>("h1") ?? main.current;
    if (!target) return;
    window.scrollTo(0, 0);
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [main, pathname, hash]);
}
