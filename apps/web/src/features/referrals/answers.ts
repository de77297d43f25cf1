import { CSE_INDICATORS, type CurrentUser, type ReferralContent, type ValidReferral } from "@cse/contracts";

/** What the referrer is about to send, in the shape of a stored referral, for one way of showing it. */
export function contentFromSubmission(referral: ValidReferral, user: CurrentUser): ReferralContent {
  return {
    ...referral,
    child: { ...referral.child, ageAtReferral: null },
    concern: {
      ...referral.concern,
      // As a stored referral shows it: every sign, not known where the referrer did not tick it.
      indicators: CSE_INDICATORS.map(({ code, label }) => {
        const rating = referral.concern.indicators[code];
        return { code, label, level: rating?.level ?? "NOT_KNOWN", detail: rating?.detail ?? null };
      }),
    },
    aboutYou: { ...referral.aboutYou, name: user.displayName, organisation: user.organisation.name },
  };
}
