import { agencyLabels, roleLabels } from "@cse/contracts";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/AuthContext.tsx";
import { SummaryList } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";

export function AccountPage() {
  const user = useCurrentUser();
  usePageTitle("Your account");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Your account</h1>
        <SummaryList
          rows={[
            { key: "Name", value: user.displayName },
            { key: "Email address", value: user.email },
            { key: "Role", value: roleLabels[user.role] },
            { key: "Organisation", value: `${user.organisation.name} (${agencyLabels[user.agency]})` },
            ...(user.team ? [{ key: "Team", value: user.team.name }] : []),
            { key: "Authenticator app", value: user.secondFactorEnabled ? "Set up" : "Not set up" },
          ]}
        />
        <p className="govuk-body">If any of these details are wrong, ask your administrator to change them.</p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/account/password">
              Change your password
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/account/notifications">
              Choose which emails you receive
            </Link>
          </li>
          {!user.secondFactorEnabled ? (
            <li>
              <Link className="govuk-link" to="/account/authenticator">
                Add an authenticator app to protect your account
              </Link>
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}
