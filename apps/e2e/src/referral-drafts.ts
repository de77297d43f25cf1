import type { Page } from "playwright-core";
import { typeInto } from "./keyboard.ts";

export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text }).waitFor({ timeout: 15_000 });
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await typeInto(page, "email", email);
  await typeInto(page, "password", password);
  await page.keyboard.press("Enter");
  await heading(page, /Hello/);
}

/** Saves a draft through the API, as the web app would, and returns its id. */
export async function createDraft(page: Page, content: unknown): Promise<string> {
  return page.evaluate(async (body) => {
    const { token } = (await (await fetch("/api/auth/csrf")).json()) as { token: string };
    const response = await fetch("/api/drafts", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": token },
      body: JSON.stringify({ content: body }),
    });
    if (!response.ok) throw new Error(`Could not create the draft: HTTP ${response.status}`);
    return ((await response.json()) as { id: string }).id;
  }, content);
}

const COMMON = {
  immediateDanger: "no",
  child: {
    givenNames: "Leah",
    familyName: "Brook",
    dateOfBirthKnown: "no",
    estimatedAgeYears: "14",
    homePostcode: "LS1 4AP",
    school: "Leeds Park Academy",
  },
  entities: [],
  informationSharing: {
    parentsAware: "YES",
    childAware: "YES",
    consent: "GIVEN",
    lawfulBasis: "PUBLIC_TASK_SAFEGUARDING",
    referrerIdentityShareable: "yes",
  },
  aboutYou: { phone: "0113 496 0001", jobTitle: "School nurse" },
};

const WHAT_HAPPENED = {
  description: "Seen leaving a party at a house with two older men.",
  informationSource: "SEEN",
};

/** A complete draft in today's shape: two signs ticked and rated. */
export const COMPLETE_DRAFT = {
  ...COMMON,
  concern: {
    ...WHAT_HAPPENED,
    signs: ["hotel_party_house_visits", "alcohol_or_drugs"],
    indicators: {
      hotel_party_house_visits: { level: "MEDIUM", detail: "A house in Harehills" },
      alcohol_or_drugs: { level: "LOW", detail: "" },
    },
  },
};

/**
 * A complete draft as the form saved it before it asked "which signs?": every sign rated,
 * most of them "not present", and a disclosure rated "low", which can no longer be said.
 */
export const OLD_SHAPE_DRAFT = {
  ...COMMON,
  concern: {
    ...WHAT_HAPPENED,
    indicators: {
      going_missing: { level: "HIGH", detail: "Four nights" },
      gifts_or_money: { level: "NOT_PRESENT", detail: "" },
      older_associates: { level: "NOT_PRESENT", detail: "" },
      transported_by_unknown_adults: { level: "NOT_PRESENT", detail: "" },
      alcohol_or_drugs: { level: "NOT_PRESENT", detail: "" },
      distancing_from_family: { level: "NOT_PRESENT", detail: "" },
      secretive_phone_or_online: { level: "NOT_PRESENT", detail: "" },
      sexual_health_concerns: { level: "NOT_PRESENT", detail: "" },
      disclosure_of_sexual_assault: { level: "LOW", detail: "Told a teacher" },
      school_absence_or_exclusion: { level: "NOT_PRESENT", detail: "" },
      associating_with_exploited_peers: { level: "NOT_PRESENT", detail: "" },
      hotel_party_house_visits: { level: "NOT_PRESENT", detail: "" },
      self_harm_or_mental_health: { level: "NOT_PRESENT", detail: "" },
      change_in_appearance_or_behaviour: { level: "NOT_PRESENT", detail: "" },
    },
  },
};

export const activeElementId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
