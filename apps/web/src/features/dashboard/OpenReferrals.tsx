import type { Dashboard } from "@cse/contracts/dashboard";
import { Link } from "react-router";
import { Table } from "../../components/govuk/index.ts";
import { teamStatusLabels } from "../../components/ReferralTags.tsx";

const riskLabels = { RED: "Red", AMBER: "Amber", GREEN: "Green" } as const;

/** The open referrals and the decision clock: each figure is a link to the queue showing what it counts. */
export function OpenReferrals({ open }: { open: Dashboard["open"] }) {
  const figures = [
    { count: open.overdue, words: "overdue now", to: "/team?due=overdue" },
    { count: open.dueToday, words: "decisions due later today", to: "/team?due=today" },
    { count: open.redUnassignedOverAnHour, words: "RED with nobody on it for over an hour", to: "/team?due=red-hour" },
    { count: open.total, words: "open referrals", to: "/team" },
  ];
  return (
    <>
      <h2 className="govuk-heading-m">Open referrals</h2>
      <ul className="app-dashboard-figures">
        {figures.map((figure) => (
          <li key={figure.to} className="app-dashboard-figures__item">
            <Link className="govuk-link app-dashboard-figures__link" to={figure.to}>
              <span className="app-dashboard-figures__count">{figure.count}</span> {figure.words}
            </Link>
          </li>
        ))}
      </ul>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Table
            caption="By status"
            columns={[
              { header: "Status", cell: (row) => teamStatusLabels[row.status] },
              {
                header: "Open",
                numeric: true,
                cell: (row) => (
                  <Link className="govuk-link" to={`/team?status=${row.status}`}>
                    {row.count}
                    <span className="govuk-visually-hidden"> {teamStatusLabels[row.status].toLowerCase()}</span>
                  </Link>
                ),
              },
            ]}
            rows={open.byStatus}
            rowKey={(row) => row.status}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Table
            caption="By risk"
            columns={[
              { header: "Risk", cell: (row) => riskLabels[row.risk] },
              {
                header: "Open",
                numeric: true,
                cell: (row) => (
                  <Link className="govuk-link" to={`/team?risk=${row.risk}`}>
                    {row.count}
                    <span className="govuk-visually-hidden"> {riskLabels[row.risk].toLowerCase()} risk</span>
                  </Link>
                ),
              },
            ]}
            rows={open.byRisk}
            rowKey={(row) => row.risk}
          />
        </div>
      </div>
    </>
  );
}
