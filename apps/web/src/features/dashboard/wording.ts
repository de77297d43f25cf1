import type { Dashboard, DecisionWeek } from "@cse/contracts/dashboard";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** "23 Nov 2026" for a London date "2026-11-23". */
export function weekLabel(weekOf: string): string {
  return new Date(`${weekOf}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function shareText(share: number | null): string {
  return share === null ? "none decided" : percent(share);
}

export function hoursText(hours: number | null): string {
  if (hours === null) return "none decided";
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/** The time-to-decision chart in words: the latest full picture and how many weeks met the target. */
export function decisionSummary(weeks: readonly DecisionWeek[], target: number): string {
  const withDecisions = weeks.filter((week) => week.decided > 0);
  const latest = withDecisions[withDecisions.length - 1];
  if (!latest) return `No referrals were decided in the last ${weeks.length} weeks.`;
  const met = withDecisions.filter((week) => (week.onTimeShare ?? 0) >= target).length;
  return (
    `In the week of ${weekLabel(latest.weekOf)}, ${latest.decided} ${latest.decided === 1 ? "referral was" : "referrals were"} decided: ` +
    `${shareText(latest.onTimeShare)} within one working day (target ${percent(target)}), median ${hoursText(latest.medianHours)}. ` +
    `${met} of the ${withDecisions.length} weeks with decisions met the target.`
  );
}

export function reReferralSummary({ referrals, reReferrals, share, england }: Dashboard["reReferrals"]): string {
  if (share === null) return "The team received no referrals in the last 12 months.";
  return (
    `${percent(share)} of the ${referrals} ${referrals === 1 ? "referral" : "referrals"} received in the last 12 months ` +
    `(${reReferrals}) ${reReferrals === 1 ? "was" : "were"} about a child referred in the 12 months before. For context, England's rate was ${(england * 100).toFixed(1)}% (children in need statistics, 2025).`
  );
}
