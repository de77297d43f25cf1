import { dashboardSchema, type ConcernIdentifierKind, type Dashboard } from "@cse/contracts/dashboard";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { ErrorSummary, Table } from "../../components/govuk/index.ts";
import { useAuth } from "../../auth/AuthContext.tsx";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { OpenReferrals } from "./OpenReferrals.tsx";
import { ReReferrals } from "./ReReferrals.tsx";
import { TimeToDecision } from "./TimeToDecision.tsx";

const concernWords: Record<ConcernIdentifierKind, string> = {
  PERSON_NAME: "Person",
  PHONE: "Phone",
  VEHICLE: "Vehicle",
  HANDLE: "Online handle",
  ADDRESS: "Place",
};

/** The team's dashboard: what is overdue, who is overloaded, which children keep coming back. */
export function DashboardPage() {
  usePageTitle("Team dashboard");
  const { state } = useAuth();
  const myId = state.status === "signed-in" ? state.user.id : null;
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    parsedApi
      .get(dashboardSchema, "/api/dashboard")
      .then(setDashboard, (error: unknown) => setFailure(describeFailure(error)));
  }, []);

  return (
    <>
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      {dashboard ? <span className="govuk-caption-l">{dashboard.team.name}</span> : null}
      <h1 className="govuk-heading-l">Team dashboard</h1>
      {dashboard === null ? (
        failure ? null : (
          <p className="govuk-body" role="status">
            Loading the dashboard…
          </p>
        )
      ) : (
        <>
          <OpenReferrals open={dashboard.open} />
          <TimeToDecision timeToDecision={dashboard.timeToDecision} />
          {dashboard.workload ? (
            <Table
              caption="Workload"
              columns={[
                {
                  header: "Member",
                  cell: (row) => (row.member.id === myId ? `${row.member.name} (you)` : row.member.name),
                },
                {
                  header: "Open, assigned",
                  numeric: true,
                  cell: (row) => (
                    <Link className="govuk-link" to={`/team?member=${row.member.id}`}>
                      {row.openAssigned}
                      <span className="govuk-visually-hidden"> assigned to {row.member.name}</span>
                    </Link>
                  ),
                },
                { header: "Decided this month", numeric: true, cell: (row) => row.decidedThisMonth },
              ]}
              rows={dashboard.workload}
              rowKey={(row) => row.member.id}
            />
          ) : null}
          <ReReferrals reReferrals={dashboard.reReferrals} repeatChildren={dashboard.repeatChildren} />
          <h2 className="govuk-heading-m">People, phones, vehicles and places of concern</h2>
          {dashboard.concerns.length === 0 ? (
            <p className="govuk-body">Nothing of concern appears in more than one of the team's referrals.</p>
          ) : (
            <Table
              caption="In the most of the team's referrals"
              captionHidden
              columns={[
                { header: "Kind", cell: (row) => concernWords[row.kind] },
                { header: "Named as", cell: (row) => row.value },
                { header: "Referrals", numeric: true, cell: (row) => row.referrals },
              ]}
              rows={dashboard.concerns}
              rowKey={(row) => `${row.kind}:${row.value}`}
            />
          )}
        </>
      )}
    </>
  );
}
