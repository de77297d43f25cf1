import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../hooks/usePageTitle.ts";

export function SignedOutPage() {
  const [searchParams] = useSearchParams();
  const expired = searchParams.get("reason") === "expired";
  usePageTitle(expired ? "You have been signed out" : "You have signed out");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{expired ? "You have been signed out" : "You have signed out"}</h1>
        {expired ? (
          <p className="govuk-body">
            You were inactive for too long, so we signed you out to protect the information in this service.
          </p>
        ) : null}
        <p className="govuk-body">
          Anything you had not saved has been cleared from this browser. Your saved drafts are kept safely on the
          server.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in again
          </Link>
        </p>
      </div>
    </div>
  );
}
