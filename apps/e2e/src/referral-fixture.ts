import type { Page } from "playwright-core";

/**
 * A RED referral about a fictional 12-year-old in Bradford (BD postcode): RED because of a high
 * indicator, and under 13, so "no further action" needs a lead's approval.
 */
export function redReferralAboutA12YearOld(givenNames: string) {
  // Born on New Year's Day twelve years ago: twelve on every day of this year.
  const dateOfBirth = `${new Date().getUTCFullYear() - 12}-01-01`;
  return {
    immediateDanger: false,
    child: {
      givenNames,
      familyName: "Testcase",
      aliases: [],
      dateOfBirth,
      estimatedAgeYears: null,
      gender: "GIRL",
      ethnicity: null,
      firstLanguage: "English",
      interpreterNeeded: "NO",
      disabilityOrDifficulty: "NO",
      learningDisability: "NO",
      disabilityDetails: null,
      homeAddress: "1 Mill Road, Bradford",
      homePostcode: "BD1 1AA",
      currentWhereabouts: null,
      currentPostcode: null,
      school: null,
      parentalResponsibility: "Mother",
      householdMembers: null,
      otherAgencies: null,
      lookedAfter: "NO",
      responsibleAuthority: null,
    },
    concern: {
      description: "Collected from school by an adult man the family do not know, three times this week.",
      occurredOn: null,
      when: "This week",
      location: "Outside school",
      informationSource: "SEEN",
      informationSourceDetail: null,
      // Only the signs the referrer saw: the rest are not known to them.
      indicators: {
        older_associates: { level: "HIGH", detail: "Man in his thirties" },
        transported_by_unknown_adults: { level: "MEDIUM", detail: null },
      },
    },
    entities: [],
    informationSharing: {
      parentsAware: "YES",
      childAware: "NO",
      consent: "NOT_SOUGHT",
      sharingWithoutConsentReason: "Seeking consent could place the child at risk of significant harm.",
      lawfulBasis: "PUBLIC_TASK_SAFEGUARDING",
      referrerIdentityShareable: false,
    },
    aboutYou: { phone: "0113 496 0000", bestTimeToCall: null, jobTitle: "School nurse" },
  };
}

/**
 * Submits a referral through the API from a signed-in browser, as the web app does (CSRF token,
 * Idempotency-Key). For journeys that start after submission: the form itself is covered by
 * referral.e2e.test.ts.
 */
export async function submitReferral(page: Page, body: unknown): Promise<{ id: string; reference: string }> {
  return page.evaluate(async (referral) => {
    const { token } = (await (await fetch("/api/auth/csrf")).json()) as { token: string };
    const response = await fetch("/api/referrals", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-csrf-token": token,
        "idempotency-key": `e2e-${crypto.randomUUID()}`,
      },
      body: JSON.stringify(referral),
    });
    if (response.status !== 201) throw new Error(`Submission failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; reference: string };
  }, body);
}
