import { Link } from "react-router";
import { useAlerts } from "../alerts/AlertsContext.tsx";
import { useAuth } from "../../auth/AuthContext.tsx";
import { ButtonLink, WarningText } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";

/** The start page for everyone; once signed in, the way into each role's work. */
export function HomePage() {
  const { state } = useAuth();
  // The title is the page's heading, so a screen reader hears one name for the page.
  usePageTitle(
    state.status === "signed-in"
      ? `Hello, ${state.user.displayName}`
      : "Refer a concern about child sexual exploitation",
  );
  if (state.status !== "signed-in") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Refer a concern about child sexual exploitation</h1>
          <WarningText>If a child is in immediate danger, call 999 now.</WarningText>
          <p className="govuk-body">
            Use this service if you work for the police, children's social care, health, education or a voluntary
            organisation in West Yorkshire and you are worried a child is being groomed or sexually exploited.
          </p>
          <p className="govuk-body">
            Your referral goes to the co-located team for the child's area, who will decide on a response within one
            working day.
          </p>
          <ButtonLink to="/sign-in" isStartButton>
            Sign in
          </ButtonLink>
        </div>
      </div>
    );
  }
  const { user } = state;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{user.organisation.name}</span>
        <h1 className="govuk-heading-l">Hello, {user.displayName}</h1>
        {user.role === "REFERRER" ? (
          <>
            <WarningText>If a child is in immediate danger, call 999 now.</WarningText>
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to="/referrals/new">
                  Make a referral
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to="/referrals">
                  Your referrals and drafts
                </Link>
              </li>
            </ul>
          </>
        ) : null}
        {user.role === "ADMIN" ? (
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to="/admin/users">
                Manage users
              </Link>
            </li>
          </ul>
        ) : null}
        {user.role === "TRIAGE" || user.role === "LEAD" ? <TeamStart teamName={user.team?.name ?? "your"} /> : null}
      </div>
    </div>
  );
}

/** A team member's way in: their queue, and the red referrals waiting to be picked up. */
function TeamStart({ teamName }: { teamName: string }) {
  const { unread } = useAlerts();
  return (
    <>
      <p className="govuk-body">Work the {teamName} team's open referrals, the most urgent first.</p>
      <ButtonLink to="/team">Go to the team queue</ButtonLink>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/team?view=attention">
            Referrals that need attention now
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/alerts">
            Alerts{unread ? ` (${unread} unread)` : ""}
          </Link>
        </li>
      </ul>
    </>
  );
}
