import { agencyLabels, roleLabels } from "@cse/contracts";
import { auditTrailKindLabels, type AuditTrailEntry, type AuditTrailKind } from "@cse/contracts/oversight";
import { Tag, type TableColumn, type TagColour } from "../../components/govuk/index.ts";
import { formatDate, formatDateTime } from "../../format/london-time.ts";

const kindColours: Record<AuditTrailKind, TagColour> = {
  opened: "grey",
  changed: "teal",
  exported: "purple",
  listed: "yellow",
  refused: "red",
};

/** The recorded actions in words; an action not named here is shown as recorded. */
const actionLabels: Record<string, string> = {
  "referral.submit": "Submitted the referral",
  "referral.read": "Opened the referral",
  "referral.links.read": "Looked at linked referrals",
  "referral.network.read": "Looked at the network",
  "referral.audit": "Looked at this audit trail",
  "referral.queue": "Saw it in the team queue",
  "referral.list": "Saw it in their referrals",
  "referral.export": "Exported it in a spreadsheet",
  "referral.assign": "Took the referral",
  "referral.reassign": "Reassigned the referral",
  "referral.addendum": "Added more information",
  "note.create": "Added a note",
  "transfer.review": "Reviewed a transfer request",
  "transfer.list": "Saw it in the transfer inbox",
};

const refusalLabels: Record<string, string> = {
  "not-permitted": "Not their team’s referral",
  "role-not-permitted": "Their role does not allow it",
  "no-such-referral": "No such referral",
};

function details(entry: AuditTrailEntry): string {
  if (entry.refusal) return refusalLabels[entry.refusal] ?? entry.refusal;
  if (entry.export) {
    const rows = entry.export.rows === 1 ? "1 referral" : `${entry.export.rows} referrals`;
    const range = `${formatDate(entry.export.from)} to ${formatDate(entry.export.to)}, ${rows}`;
    return entry.export.includeFreeText ? `${range}, with free text: “${entry.export.reason ?? ""}”` : range;
  }
  return "";
}

export const trailColumns: readonly TableColumn<AuditTrailEntry>[] = [
  { header: "When", cell: (entry) => formatDateTime(entry.occurredAt) },
  {
    header: "Who",
    cell: (entry) =>
      entry.actor ? (
        <>
          {entry.actor.name}
          <br />
          <span className="govuk-body-s">
            {entry.actor.role ? roleLabels[entry.actor.role] : "No role"}
            {entry.actor.team ? `, ${entry.actor.team}` : ""}, {agencyLabels[entry.actor.agency]}
          </span>
        </>
      ) : (
        "The service"
      ),
  },
  {
    header: "What",
    cell: (entry) => (
      <>
        <Tag colour={kindColours[entry.kind]}>{auditTrailKindLabels[entry.kind]}</Tag>
        <br />
        {actionLabels[entry.action] ?? entry.action}
      </>
    ),
  },
  { header: "Details", cell: details },
];
