import { randomBytes } from "node:crypto";
import { EXAMPLE_REFERRAL_SUBMISSION, type ReferralCreated, type ReferralSubmission } from "@cse/contracts";
import type { TestClient } from "./client.ts";

type Example = typeof EXAMPLE_REFERRAL_SUBMISSION;

export interface ReferralVariant {
  readonly child?: Partial<ReferralSubmission["child"]>;
  readonly immediateDanger?: boolean;
  /** People, places and vehicles of concern, instead of the example's. */
  readonly entities?: readonly Partial<NonNullable<ReferralSubmission["entities"]>[number]>[];
}

const BLANK_ENTITY = {
  kind: "PERSON",
  name: null,
  nicknames: [],
  approximateAge: null,
  phoneNumbers: [],
  socialHandles: [],
  addresses: [],
  postcodes: [],
  vehicleRegistrations: [],
  description: null,
  linkToChild: "Seen with the child",
} as const;

/** The example referral with changes; a date of birth this many years before today. */
export function exampleReferral(variant: ReferralVariant = {}): Example {
  return {
    ...EXAMPLE_REFERRAL_SUBMISSION,
    ...(variant.immediateDanger === undefined ? {} : { immediateDanger: variant.immediateDanger }),
    child: { ...EXAMPLE_REFERRAL_SUBMISSION.child, ...variant.child },
    ...(variant.entities ? { entities: variant.entities.map((entity) => ({ ...BLANK_ENTITY, ...entity })) } : {}),
  } as Example;
}

/** A date of birth that makes the child this old today (in whole years). */
export function bornYearsAgo(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - 30);
  return date.toISOString().slice(0, 10);
}

/** Submits as the signed-in referrer; fails loudly if the service refuses. */
export async function submitReferral(referrer: TestClient, variant: ReferralVariant = {}): Promise<ReferralCreated> {
  const response = await referrer.post("/api/referrals", exampleReferral(variant), {
    headers: { "idempotency-key": `test-${randomBytes(8).toString("hex")}` },
  });
  if (response.statusCode !== 201) throw new Error(`Submission refused: ${response.statusCode} ${response.body}`);
  return response.json<ReferralCreated>();
}
