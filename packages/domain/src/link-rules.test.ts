import { describe, expect, it } from "vitest";
import { assessLink, sameChildByAgeAndArea, type LinkEvidence } from "./link-rules.ts";

const nothing: Omit<LinkEvidence, "referralId"> = {
  shared: [],
  similarChildName: false,
  similarPersonNames: 0,
  childByAgeAndArea: false,
};
const name = { kind: "CHILD_NAME", value: "jack smith" } as const;
const dob = { kind: "CHILD_DOB", value: "2012-03-04" } as const;

describe("assessLink", () => {
  it("links the same child by name and date of birth", () => {
    expect(assessLink({ ...nothing, referralId: "r", shared: [name, dob] })).toMatchObject({
      sameChild: true,
      shares: ["Same child: name and date of birth"],
    });
  });

  it("never links on a child's name alone, a date of birth alone, a person's name alone or a postcode alone", () => {
    for (const shared of [
      [name],
      [dob],
      [{ kind: "PERSON_NAME", value: "david" }],
      [{ kind: "POSTCODE", value: "BD3 9AB" }],
    ] as const) {
      expect(assessLink({ ...nothing, referralId: "r", shared })).toBeNull();
    }
    expect(assessLink({ ...nothing, referralId: "r", similarChildName: true })).toBeNull();
    expect(assessLink({ ...nothing, referralId: "r", similarPersonNames: 1 })).toBeNull();
  });

  it("links on one phone, vehicle, handle or address, and on a person's name with a postcode", () => {
    for (const kind of ["PHONE", "VEHICLE", "HANDLE", "ADDRESS"] as const) {
      expect(assessLink({ ...nothing, referralId: "r", shared: [{ kind, value: "x" }] })?.score).toBeGreaterThan(0);
    }
    const together = assessLink({
      ...nothing,
      referralId: "r",
      shared: [{ kind: "POSTCODE", value: "BD3 9AB" }],
      similarPersonNames: 1,
    });
    expect(together?.shares).toEqual(["Same name of a person of concern", "Same postcode"]);
  });

  it("says when the child's name was only similar", () => {
    expect(assessLink({ ...nothing, referralId: "r", shared: [dob], similarChildName: true })).toMatchObject({
      sameChild: true,
      score: 100,
      shares: ["Same child: similar name and the same date of birth"],
    });
  });

  it("links by name, age and area when there is no date of birth, below a name with a date", () => {
    const link = assessLink({ ...nothing, referralId: "r", shared: [name], childByAgeAndArea: true });
    expect(link?.sameChild).toBe(true);
    expect(link?.shares[0]).toMatch(/^Probably the same child: same name, age and area/);
    expect(link!.score).toBeLessThan(assessLink({ ...nothing, referralId: "r", shared: [name, dob] })!.score);
    // Age and area without the name is not the child.
    expect(assessLink({ ...nothing, referralId: "r", childByAgeAndArea: true })).toBeNull();
  });
});

describe("sameChildByAgeAndArea", () => {
  const child = { dateOfBirth: null, ageAtReferral: 14, postcodes: ["LS29 8AB"] };
  it("matches ages within a year in the same postcode district", () => {
    expect(sameChildByAgeAndArea(child, { dateOfBirth: null, ageAtReferral: 15, postcodes: [null, "LS29 9ZZ"] })).toBe(
      true,
    );
  });
  it("refuses other districts, other ages, and two dates of birth (which decide on their own)", () => {
    expect(sameChildByAgeAndArea(child, { ...child, postcodes: ["LS2 9AB"] })).toBe(false);
    expect(sameChildByAgeAndArea(child, { ...child, ageAtReferral: 16 })).toBe(false);
    expect(sameChildByAgeAndArea(child, { ...child, ageAtReferral: null })).toBe(false);
    expect(
      sameChildByAgeAndArea({ ...child, dateOfBirth: "2011-01-01" }, { ...child, dateOfBirth: "2011-01-02" }),
    ).toBe(false);
  });
});
