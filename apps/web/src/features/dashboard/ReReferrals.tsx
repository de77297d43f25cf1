import type { Dashboard } from "@cse/contracts/dashboard";
import { useMemo } from "react";
import { Link } from "react-router";
import { Details, Table } from "../../components/govuk/index.ts";
import { CHART_COLOURS, DashboardChart } from "./DashboardChart.tsx";
import { reReferralSummary } from "./wording.ts";

/** Re-referrals beside England's rate, and the children referred more than once. */
export function ReReferrals({ reReferrals, repeatChildren }: Pick<Dashboard, "reReferrals" | "repeatChildren">) {
  const chart = useMemo(
    () => ({
      type: "bar" as const,
      data: {
        labels: ["This team, last 12 months", "England, 2025"],
        datasets: [
          {
            label: "Re-referrals within 12 months (%)",
            data: [
              reReferrals.share === null ? 0 : Math.round(reReferrals.share * 1000) / 10,
              reReferrals.england * 100,
            ],
            backgroundColor: [CHART_COLOURS.blue, CHART_COLOURS.grey],
          },
        ],
      },
      options: { indexAxis: "y" as const, scales: { x: { min: 0, max: 100, title: { display: true, text: "%" } } } },
    }),
    [reReferrals],
  );
  const rows = [
    { who: "This team, last 12 months", share: reReferrals.share },
    { who: "England, 2025 (children in need statistics)", share: reReferrals.england },
  ];
  return (
    <>
      <h2 className="govuk-heading-m">Re-referrals</h2>
      <p className="govuk-body">{reReferralSummary(reReferrals)}</p>
      <DashboardChart config={chart} />
      <Details summary="Re-referrals as a table">
        <Table
          caption="Share of referrals about a child referred in the 12 months before"
          columns={[
            { header: "Who", cell: (row) => row.who },
            {
              header: "Share",
              numeric: true,
              cell: (row) => (row.share === null ? "no referrals" : `${(row.share * 100).toFixed(1)}%`),
            },
          ]}
          rows={rows}
          rowKey={(row) => row.who}
        />
      </Details>
      <h3 className="govuk-heading-s">Children referred more than once in 12 months: {repeatChildren.children}</h3>
      {repeatChildren.top.length > 0 ? (
        <Table
          caption="Most referred, by the team's latest referral about them"
          columns={[
            {
              header: "Latest referral",
              cell: (row) => (
                <Link className="govuk-link" to={`/referrals/${row.referralId}`}>
                  {row.reference}
                </Link>
              ),
            },
            { header: "Referrals in 12 months", numeric: true, cell: (row) => row.referrals },
          ]}
          rows={repeatChildren.top}
          rowKey={(row) => row.referralId}
        />
      ) : null}
    </>
  );
}
