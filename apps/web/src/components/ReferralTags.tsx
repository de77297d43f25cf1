import { referralStatusLabels, type ReferralStatus, type RiskRating } from "@cse/contracts";
import { Tag, type TagColour } from "./govuk/index.ts";

export const riskLabels: Record<RiskRating, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };

const riskColours: Record<RiskRating, TagColour> = { RED: "red", AMBER: "orange", GREEN: "green" };

/** Risk as a GOV.UK tag; the word is always there, so colour is never the only signal. */
export function RiskTag({ risk }: { risk: RiskRating }) {
  return (
    <Tag colour={riskColours[risk]}>
      <span className="govuk-visually-hidden">Risk </span>
      {riskLabels[risk]}
    </Tag>
  );
}

/** The team's words for a status; the referrer sees `referralStatusLabels` instead. */
export const teamStatusLabels: Record<ReferralStatus, string> = {
  SUBMITTED: "New",
  IN_TRIAGE: "In triage",
  AWAITING_APPROVAL: "Awaiting approval",
  DECIDED: "Decided",
};

const statusColours: Record<ReferralStatus, TagColour | undefined> = {
  SUBMITTED: undefined,
  IN_TRIAGE: "yellow",
  AWAITING_APPROVAL: "purple",
  DECIDED: "green",
};

export function StatusTag({ status, audience }: { status: ReferralStatus; audience: "referrer" | "team" }) {
  const labels = audience === "team" ? teamStatusLabels : referralStatusLabels;
  return <Tag colour={statusColours[status]}>{labels[status]}</Tag>;
}

/** Another team has been asked to take the referral; this team keeps it until they accept. */
export function TransferRequestedTag() {
  return <Tag colour="magenta">Transfer requested</Tag>;
}
