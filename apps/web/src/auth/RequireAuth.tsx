import type { Role } from "@cse/contracts";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { usePageTitle } from "../hooks/usePageTitle.ts";
import { useAuth } from "./AuthContext.tsx";

function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

function NotAllowed() {
  usePageTitle("You cannot view this page");
  return (
    <>
      <h1 className="govuk-heading-l">You cannot view this page</h1>
      <p className="govuk-body">Your account does not give you access to this part of the service.</p>
    </>
  );
}

/** Pages for signed-in users of the given roles; others are sent to sign in, or told no. */
export function RequireAuth({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === "loading") return <Loading />;
  if (state.status === "signed-out") {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?returnTo=${encodeURIComponent(returnTo)}`} replace />;
  }
  if (roles && !roles.includes(state.user.role)) return <NotAllowed />;
  return <>{children}</>;
}

/** Only same-site paths: an attacker's link must not send someone elsewhere after sign-in. */
export { safeReturnPath } from "./return-path.ts";
