import { outcomeLabels, type TeamReferralDetail } from "@cse/contracts";
import { SummaryList, type SummaryRow } from "../../../components/govuk/index.ts";
import { describeDue } from "../../../format/due.ts";
import { formatDate, formatDateTime } from "../../../format/london-time.ts";
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
  const { risk, computedRisk, pendingRiskOverride: pending, decision, pendingTransfer, transferredIn } = referral;
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
  if (pendingTransfer)
    rows.push({
      key: "Transfer requested",
      value: (
        <>
          <p className="govuk-body govuk-!-margin-bottom-1">
            {pendingTransfer.toTeam.name}&rsquo;s lead has been asked to take this referral; {referral.team.name} keeps
            it, and its decision time, until they accept. Asked for by {pendingTransfer.requestedBy.name},{" "}
            {formatDateTime(pendingTransfer.requestedAt)}: {pendingTransfer.reason}
          </p>
          {pendingTransfer.overdue ? (
            <p className="govuk-body govuk-!-margin-bottom-0">
              <strong>Needs attention:</strong> waiting more than one working day for an answer
            </p>
          ) : null}
        </>
      ),
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
          {transferredIn ? (
            <p className="govuk-body govuk-!-margin-bottom-1">
              Decision clock restarted on {formatDate(transferredIn.acceptedAt)} when {transferredIn.toTeam.name}{" "}
              accepted the transfer from {transferredIn.fromTeam.name}.
            </p>
          ) : null}
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
