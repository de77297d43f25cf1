import { CSE_INDICATORS, type CurrentUser, type ReferralContent, type ValidReferral } from "@cse/contracts";

/** What the referrer is about to send, in the shape of a stored referral, for one way of showing it. */
export function contentFromSubmission(referral: ValidReferral, user: CurrentUser): ReferralContent {
  return {
    ...referral,
    child: { ...referral.child, ageAtReferral: null },
    concern: {
      ...referral.concern,
      indicators: CSE_INDICATORS.map(({ code, label }) => ({
        code,
        label,
        level: referral.concern.indicators[code].level,
        detail: referral.concern.indicators[code].detail,
      })),
    },
    aboutYou: { ...referral.aboutYou, name: user.displayName, organisation: user.organisation.name },
  };
}

export function formatDate(isoDate: string | null): string {
  if (!isoDate) return "";
  return new Date(`${isoDate.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
}
