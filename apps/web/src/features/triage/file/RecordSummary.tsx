import { outcomeLabels, type TeamReferralDetail } from "@cse/contracts";
import { SummaryList, type SummaryRow } from "../../../components/govuk/index.ts";
import { describeDue } from "../../../format/due.ts";
import { formatDateTime } from "../../../format/london-time.ts";
import { attentionLabels } from "../queue-columns.tsx";
import { riskLabels } from "../../../components/ReferralTags.tsx";

const reasons = (items: readonly string[]) =>
  items.length === 0 ? (
    "No indicators gave a reason"
  ) : (
    <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
      {items.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );

/** The clock in words, then the facts a triage officer needs before reading the referral. */
export function RecordSummary({ referral, at }: { referral: TeamReferralDetail; at: Date }) {
  const due = describeDue(referral.decisionDueAt, at);
  const { risk, computedRisk, pendingRiskOverride: pending, decision } = referral;
  const rows: SummaryRow[] = [
    { key: "Team", value: `${referral.team.name}${referral.team.isHub ? " (waiting to be routed)" : ""}` },
    { key: "Received", value: formatDateTime(referral.submittedAt) },
    { key: "Assigned to", value: referral.assignee?.name ?? "Nobody yet" },
    {
      key: "Risk",
      value: (
        <>
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{riskLabels[risk.rating]}</p>
          {reasons(risk.reasons)}
        </>
      ),
    },
  ];
  if (computedRisk.rating !== risk.rating)
    rows.push({
      key: "Risk the rules gave",
      value: (
        <>
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            {riskLabels[computedRisk.rating]}
          </p>
          {reasons(computedRisk.reasons)}
        </>
      ),
    });
  if (pending)
    rows.push({
      key: "Risk change waiting for a lead",
      value: `${riskLabels[pending.fromRisk]} to ${riskLabels[pending.toRisk]}, asked for by ${pending.requestedBy.name} on ${formatDateTime(pending.requestedAt)}: ${pending.reason}`,
    });
  if (decision)
    rows.push(
      { key: "Outcome", value: outcomeLabels[decision.outcome] },
      { key: "Reason for the decision", value: decision.reason },
      { key: "Message to the referrer", value: decision.messageToReferrer },
      {
        key: "Decided by",
        value: `${decision.decidedBy.name}, ${formatDateTime(decision.decidedAt)}${
          decision.approvedBy && decision.approvedAt
            ? `; approved by ${decision.approvedBy.name}, ${formatDateTime(decision.approvedAt)}`
            : referral.status === "AWAITING_APPROVAL"
              ? "; waiting for a lead's approval"
              : ""
        }`,
      },
    );

  return (
    <>
      {referral.status === "DECIDED" ? null : (
        <div className={due.overdue ? "app-clock--overdue govuk-!-margin-bottom-6" : "govuk-!-margin-bottom-6"}>
          <p className="govuk-body-l govuk-!-margin-bottom-1">
            <strong>{due.sentence}</strong>
          </p>
          {referral.attention.map((reason) => (
            <p className="govuk-body govuk-!-margin-bottom-1" key={reason}>
              <strong>Needs attention:</strong> {attentionLabels[reason]}
            </p>
          ))}
        </div>
      )}
      <SummaryList rows={rows} />
    </>
  );
}
