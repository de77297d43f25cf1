import { outcomeLabels } from "@cse/contracts";
import type { Prisma } from "../../generated/prisma/client.ts";

/** What one row of the export is read from: nothing that identifies the child beyond the reference. */
export const exportRowSelect = {
  id: true,
  reference: true,
  submittedAt: true,
  status: true,
  risk: true,
  riskReasons: true,
  decisionDueAt: true,
  routingMethod: true,
  outcome: true,
  decidedAt: true,
  decisionApprovedAt: true,
  concernDescription: true,
  outcomeReason: true,
  messageToReferrer: true,
  assignee: { select: { displayName: true } },
  referrerOrganisation: { select: { agency: true } },
  child: { select: { ageAtReferral: true } },
} as const satisfies Prisma.ReferralSelect;

export type ExportRow = Prisma.ReferralGetPayload<{ select: typeof exportRowSelect }>;

interface Column {
  readonly header: string;
  readonly value: (row: ExportRow) => string | number | null;
}

const londonTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2026-11-30 10:00", London time: what a spreadsheet sorts and a person reads. */
export function formatLondonTime(instant: Date | null): string | null {
  if (!instant) return null;
  const part = Object.fromEntries(londonTime.formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${part["year"]}-${part["month"]}-${part["day"]} ${part["hour"]}:${part["minute"]}`;
}

/** Facts the service recorded or computed: always in the export. */
export const STRUCTURED_COLUMNS: readonly Column[] = [
  { header: "Reference", value: (row) => row.reference },
  { header: "Submitted (London time)", value: (row) => formatLondonTime(row.submittedAt) },
  { header: "Referrer's agency", value: (row) => row.referrerOrganisation.agency },
  { header: "Child's age at referral", value: (row) => row.child?.ageAtReferral ?? null },
  { header: "Status", value: (row) => row.status },
  { header: "Risk", value: (row) => row.risk },
  { header: "Risk reasons", value: (row) => row.riskReasons.join("; ") },
  { header: "Routed by", value: (row) => row.routingMethod },
  { header: "Decision due (London time)", value: (row) => formatLondonTime(row.decisionDueAt) },
  { header: "Assigned to", value: (row) => row.assignee?.displayName ?? null },
  { header: "Outcome", value: (row) => (row.outcome ? outcomeLabels[row.outcome] : null) },
  { header: "Decided (London time)", value: (row) => formatLondonTime(row.decidedAt) },
  { header: "Decision approved (London time)", value: (row) => formatLondonTime(row.decisionApprovedAt) },
];

/** What people typed: only when the lead asks for it and says why. */
export const FREE_TEXT_COLUMNS: readonly Column[] = [
  { header: "Concern", value: (row) => row.concernDescription },
  { header: "Reason for the decision", value: (row) => row.outcomeReason },
  { header: "Message to the referrer", value: (row) => row.messageToReferrer },
];
