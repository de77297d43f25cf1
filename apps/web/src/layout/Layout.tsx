import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";
import { SessionExpiryWarning } from "../features/auth/SessionExpiryWarning.tsx";
import { Footer } from "./Footer.tsx";
import { ServiceNavigation } from "./ServiceNavigation.tsx";

export function Layout() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A single-page app must tell screen readers the page changed: move focus to the new content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>("h1");
    const target = heading ?? main.current;
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: false });
    }
  }, [location.pathname]);

  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <ServiceNavigation />
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
            <span className="govuk-phase-banner__text">This is a new service. Report a problem to your safeguarding lead.</span>
          </p>
        </div>
        <main className="govuk-main-wrapper" id="main-content" ref={main}>
          <SessionExpiryWarning />
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}
