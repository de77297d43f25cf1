import type { Attention, TeamQueueItem } from "@cse/contracts";
import { Link } from "react-router";
import type { TableColumn } from "../../components/govuk/index.ts";
import { RiskTag, StatusTag, TransferRequestedTag } from "../../components/ReferralTags.tsx";
import { describeDue } from "../../format/due.ts";

export const attentionLabels: Record<Attention, string> = {
  OVERDUE: "Decision overdue",
  RED_UNASSIGNED: "Red and not picked up within an hour",
};

/** The queue's columns, with due times worded as at `now` (when the page was loaded). */
export function queueColumns(now: Date): readonly TableColumn<TeamQueueItem>[] {
  return [
    {
      header: "Referral",
      cell: (item) => (
        <>
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/referrals/${item.id}`}>
            {item.reference}
          </Link>
          <br />
          {item.childName}
          {item.ageAtReferral === null ? ", age not known" : `, ${item.ageAtReferral}`}
        </>
      ),
    },
    { header: "Risk", cell: (item) => <RiskTag risk={item.risk} /> },
    {
      header: "Status",
      cell: (item) => (
        <>
          <StatusTag status={item.status} audience="team" />
          {item.awaitingRouting ? <p className="govuk-body-s govuk-!-margin-top-1">Waiting to be routed</p> : null}
          {item.transferRequested ? (
            <p className="govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              <TransferRequestedTag />
            </p>
          ) : null}
        </>
      ),
    },
    { header: "Assigned to", cell: (item) => item.assignee?.name ?? "Nobody yet" },
    {
      header: "Decision due",
      cell: (item) => {
        const due = describeDue(item.decisionDueAt, now);
        return (
          <>
            {due.overdue ? <strong>{due.short}</strong> : due.short}
            {item.attention.length > 0 ? (
              <ul className="govuk-list govuk-body-s app-attention-list">
                {item.attention.map((reason) => (
                  <li key={reason}>
                    <strong>Needs attention:</strong> {attentionLabels[reason]}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        );
      },
    },
  ];
}
