import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LINK_WEIGHTS, scoreLinks, type LinkCandidate, type LinkWeights } from "./links.ts";
import { IDENTIFIER_KINDS } from "./referral-identifiers.ts";

const child = [
  { kind: "CHILD_NAME", value: "amira khan" },
  { kind: "CHILD_DOB", value: "2011-05-04" },
] as const;
const phone = { kind: "PHONE", value: "+447700900123" } as const;

describe("scoreLinks", () => {
  it("recognises the same child by name and date of birth together", () => {
    expect(scoreLinks([{ referralId: "r1", shared: [...child] }])).toEqual([
      { referralId: "r1", score: 100, sameChild: true, shares: ["Same child: name and date of birth"] },
    ]);
  });

  it("does not call a shared name alone, or a date of birth alone, the same child", () => {
    expect(scoreLinks([{ referralId: "r1", shared: [child[0]] }])).toEqual([
      { referralId: "r1", score: 30, sameChild: false, shares: ["Same child's name"] },
    ]);
    expect(scoreLinks([{ referralId: "r1", shared: [child[1]] }])).toEqual([
      { referralId: "r1", score: 5, sameChild: false, shares: ["Same child's date of birth"] },
    ]);
  });

  it("ranks the same child above a shared phone, a phone above a name of concern, and a postcode last", () => {
    const ranked = scoreLinks([
      { referralId: "postcode", shared: [{ kind: "POSTCODE", value: "BD3 9AA" }] },
      { referralId: "person", shared: [{ kind: "PERSON_NAME", value: "robert smith" }] },
      { referralId: "phone", shared: [phone] },
      { referralId: "child", shared: [...child] },
      { referralId: "vehicle", shared: [{ kind: "VEHICLE", value: "AB12CDE" }] },
      { referralId: "handle", shared: [{ kind: "HANDLE", value: "tiny_b" }] },
      { referralId: "address", shared: [{ kind: "ADDRESS", value: "4 mill street" }] },
    ]);
    expect(ranked.map((link) => [link.referralId, link.score])).toEqual([
      ["child", 100],
      ["handle", 50],
      ["phone", 50],
      ["vehicle", 50],
      ["address", 25],
      ["person", 25],
      ["postcode", 10],
    ]);
  });

  it("adds up what is shared, and lists it in words without the values", () => {
    const [link] = scoreLinks([
      {
        referralId: "r1",
        shared: [
          { kind: "POSTCODE", value: "BD3 9AA" },
          phone,
          { kind: "PHONE", value: "+447911123456" },
          ...child,
          { kind: "VEHICLE", value: "AB12CDE" },
        ],
      },
    ]);
    expect(link).toEqual({
      referralId: "r1",
      score: 100 + 2 * 50 + 50 + 10,
      sameChild: true,
      shares: [
        "Same child: name and date of birth",
        "Same phone numbers of concern (2)",
        "Same vehicle of concern",
        "Same postcode",
      ],
    });
    for (const share of link?.shares ?? []) {
      expect(share).not.toMatch(/\+44|AB12CDE|BD3|amira|2011/i);
    }
  });

  it("counts a value listed twice only once", () => {
    const [link] = scoreLinks([{ referralId: "r1", shared: [phone, phone, phone] }]);
    expect(link?.score).toBe(50);
    expect(link?.shares).toEqual(["Same phone number of concern"]);
  });

  it("leaves out candidates that share nothing, and breaks ties by referral id", () => {
    const ranked = scoreLinks([
      { referralId: "b", shared: [phone] },
      { referralId: "none", shared: [] },
      { referralId: "a", shared: [phone] },
      { referralId: "C", shared: [phone] },
    ]);
    expect(ranked.map((link) => link.referralId)).toEqual(["C", "a", "b"]);
  });

  it("uses the weights it is given", () => {
    const weights: LinkWeights = { ...DEFAULT_LINK_WEIGHTS, kinds: { ...DEFAULT_LINK_WEIGHTS.kinds, POSTCODE: 99 } };
    const ranked = scoreLinks(
      [
        { referralId: "phone", shared: [phone] },
        { referralId: "postcode", shared: [{ kind: "POSTCODE", value: "BD3 9AA" }] },
      ],
      weights,
    );
    expect(ranked.map((link) => link.referralId)).toEqual(["postcode", "phone"]);
  });

  it("gives the same child more weight than any single other kind of match", () => {
    for (const kind of IDENTIFIER_KINDS)
      expect(DEFAULT_LINK_WEIGHTS.sameChild).toBeGreaterThan(DEFAULT_LINK_WEIGHTS.kinds[kind]);
  });

  const shared = fc.array(
    fc.record({ kind: fc.constantFrom(...IDENTIFIER_KINDS), value: fc.constantFrom("a", "b", "c") }),
    { maxLength: 8 },
  );
  const candidates = fc.uniqueArray(fc.record({ referralId: fc.string({ maxLength: 4 }), shared }), {
    selector: (candidate) => candidate.referralId,
    maxLength: 10,
  });

  it("orders the same way whatever order the candidates come in", () => {
    fc.assert(
      fc.property(candidates, (list: LinkCandidate[]) => {
        expect(scoreLinks([...list].reverse())).toEqual(scoreLinks(list));
        const scores = scoreLinks(list).map((link) => link.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }),
    );
  });

  it("never scores lower when one more thing is shared", () => {
    fc.assert(
      fc.property(
        shared,
        fc.record({ kind: fc.constantFrom(...IDENTIFIER_KINDS), value: fc.constantFrom("a", "d") }),
        (before, extra) => {
          fc.pre(before.length > 0);
          const [was] = scoreLinks([{ referralId: "r", shared: before }]);
          const [now] = scoreLinks([{ referralId: "r", shared: [...before, extra] }]);
          expect(now?.score ?? 0).toBeGreaterThanOrEqual(was?.score ?? 0);
        },
      ),
    );
  });
});
