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
