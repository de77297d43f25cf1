import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../security/hashing.ts";
import { hashedTextAround } from "./chain.ts";

describe("the text the database hashes", () => {
  it("is exactly the canonical entry with the previous hash in its place", () => {
    const fields = {
      occurredAt: new Date("2026-11-30T21:00:00.123Z"),
      actorId: null,
      actorRole: "LEAD",
      action: "referral.read",
      outcome: "ALLOWED",
      entityType: "Referral",
      entityId: 'quote " and \\ and ünïcödé',
      referralId: null,
      teamId: "7b0c4f5e-0000-4000-8000-000000000000",
      requestId: "req-1",
      details: { prevHash: "nested key of the same name", list: ["a", "b"], n: 3 },
    };
    const prevHash = "ab".repeat(32);
    const { before, after } = hashedTextAround(fields);
    expect(before + prevHash + after).toBe(
      canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString(), prevHash }),
    );
  });
});
