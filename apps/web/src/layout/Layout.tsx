import { useRef, type ReactNode } from "react";
import { Outlet } from "react-router";
import { Footer } from "./Footer.tsx";
import { PhaseBanner } from "./PhaseBanner.tsx";
import { SiteHeader } from "./SiteHeader.tsx";
import { SkipLink } from "./SkipLink.tsx";
import { useFocusOnRouteChange } from "./useFocusOnRouteChange.ts";

/**
 * The GOV.UK page template. `serviceNavigation` is the slot for the signed-in user's sections
 * and "Sign out"; `beforeContent` is for notices that belong above every page (a session warning).
 */
export function Layout({
  serviceNavigation,
  beforeContent,
}: {
  serviceNavigation?: ReactNode;
  beforeContent?: ReactNode;
}) {
  const main = useRef<HTMLElement>(null);
  useFocusOnRouteChange(main);
  return (
    <>
      <SkipLink />
      <SiteHeader navigation={serviceNavigation} />
      <div className="govuk-width-container">
        <PhaseBanner />
        <main className="govuk-main-wrapper" id="main-content" ref={main}>
          {beforeContent}
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}
