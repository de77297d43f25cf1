import { formatDateTime } from "../../format/london-time.ts";
import type { InvitationIssued } from "@cse/contracts/admin";
import { Link } from "react-router";
import { InsetText, Panel, WarningText } from "../../components/govuk/index.ts";

/**
 * The one-time link: emailed to the person when the service sends email, otherwise shown once
 * to the administrator to pass on by a trusted route.
 */
export function InvitationLink({ issued, heading }: { issued: InvitationIssued; heading: string }) {
  const path = issued.invitationPath;
  return (
    <>
      <Panel title={heading}>for {issued.user.displayName}</Panel>
      {path === null ? (
        <p className="govuk-body">
          We have emailed a one-time link to {issued.user.email}. It works once, until{" "}
          {formatDateTime(issued.expiresAt)}.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Send this link to {issued.user.email} from your work email account. It works once, until{" "}
            {formatDateTime(issued.expiresAt)}.
          </p>
          <InsetText>
            <span className="app-secret-key">{`${window.location.origin}${path}`}</span>
          </InsetText>
          <WarningText>
            Anyone with this link can set the password for this account. You will not be shown it again.
          </WarningText>
        </>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={`/admin/users/${issued.user.id}`}>
          View {issued.user.displayName}'s account
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/admin/users">
          Back to users
        </Link>
      </p>
    </>
  );
}
