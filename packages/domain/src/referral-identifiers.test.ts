import { describe, expect, it } from "vitest";
import {
  extractReferralIdentifiers,
  type ConcernEntityIdentifiers,
  type ReferralIdentifierSource,
} from "./referral-identifiers.ts";

const entity = (position: number, fields: Partial<ConcernEntityIdentifiers> = {}): ConcernEntityIdentifiers => ({
  position,
  kind: "PERSON",
  nicknames: [],
  phoneNumbers: [],
  socialHandles: [],
  addresses: [],
  postcodes: [],
  vehicleRegistrations: [],
  ...fields,
});

const source = (
  child: Partial<ReferralIdentifierSource["child"]> = {},
  concernEntities: ConcernEntityIdentifiers[] = [],
): ReferralIdentifierSource => ({
  child: { givenNames: "Amira", familyName: "Khan", aliases: [], ...child },
  concernEntities,
});

describe("extractReferralIdentifiers", () => {
  it("collects the child's and every entity's identifiers, normalised, child first", () => {
    const identifiers = extractReferralIdentifiers(
      source(
        {
          givenNames: "Amira",
          familyName: "Khan",
          aliases: ["Mira"],
          dateOfBirth: "2011-05-04",
          homePostcode: "bd3 9aa",
          homeAddress: "12 Leeds Rd",
          currentPostcode: "LS29 8AB",
        },
        [
          entity(0, {
            name: "Bobby Smith",
            nicknames: ["Tiny"],
            phoneNumbers: ["07700 900123"],
            socialHandles: ["@Tiny_B"],
            vehicleRegistrations: ["ab12 cde"],
          }),
          entity(1, { kind: "PLACE", name: "Flat 3, Park Ave", addresses: ["4 Mill St"], postcodes: ["WF12 8AB"] }),
        ],
      ),
    );
    expect(identifiers).toEqual([
      { kind: "CHILD_NAME", value: "amira khan", entityPosition: null },
      { kind: "CHILD_NAME", value: "mira khan", entityPosition: null },
      { kind: "CHILD_DOB", value: "2011-05-04", entityPosition: null },
      { kind: "POSTCODE", value: "BD3 9AA", entityPosition: null },
      { kind: "POSTCODE", value: "LS29 8AB", entityPosition: null },
      { kind: "ADDRESS", value: "12 leeds road", entityPosition: null },
      { kind: "PERSON_NAME", value: "robert smith", entityPosition: 0 },
      { kind: "PERSON_NAME", value: "tiny", entityPosition: 0 },
      { kind: "PHONE", value: "+447700900123", entityPosition: 0 },
      { kind: "HANDLE", value: "tiny_b", entityPosition: 0 },
      { kind: "VEHICLE", value: "AB12CDE", entityPosition: 0 },
      { kind: "ADDRESS", value: "flat 3 park avenue", entityPosition: 1 },
      { kind: "ADDRESS", value: "4 mill street", entityPosition: 1 },
      { kind: "POSTCODE", value: "WF12 8AB", entityPosition: 1 },
    ]);
  });

  it("de-duplicates within the child and within an entity, but keeps the same value on two entities", () => {
    const identifiers = extractReferralIdentifiers(
      source({ aliases: ["Amira", "amira"], homePostcode: "BD3 9AA", currentPostcode: "bd39aa" }, [
        entity(0, { phoneNumbers: ["07700 900123", "+44 7700 900123"] }),
        entity(1, { phoneNumbers: ["07700900123"] }),
      ]),
    );
    expect(identifiers).toEqual([
      { kind: "CHILD_NAME", value: "amira khan", entityPosition: null },
      { kind: "POSTCODE", value: "BD3 9AA", entityPosition: null },
      { kind: "PHONE", value: "+447700900123", entityPosition: 0 },
      { kind: "PHONE", value: "+447700900123", entityPosition: 1 },
    ]);
  });

  it("skips values that do not normalise, without throwing", () => {
    const identifiers = extractReferralIdentifiers(
      source({ dateOfBirth: "2013-02-29", homePostcode: "LS29", homeAddress: "unknown", currentPostcode: null }, [
        entity(0, {
          name: "Unknown male",
          nicknames: ["", "n/a"],
          phoneNumbers: ["12", "call me"],
          socialHandles: ["@"],
          addresses: ["NFA"],
          postcodes: ["not a postcode"],
          vehicleRegistrations: ["unknown"],
        }),
      ]),
    );
    expect(identifiers).toEqual([{ kind: "CHILD_NAME", value: "amira khan", entityPosition: null }]);
  });

  it("reads one-word aliases as given names with the family name, and keeps both readings of longer ones", () => {
    const values = (aliases: string[]) =>
      extractReferralIdentifiers(source({ givenNames: "Robert", familyName: "Smith", aliases })).map((i) => i.value);
    expect(values(["Bobby"])).toEqual(["robert smith"]);
    expect(values(["Jo Bloggs"])).toEqual(["robert smith", "jo bloggs", "jo bloggs smith"]);
    expect(values(["Bob Smith"])).toEqual(["robert smith"]);
    expect(values(["Mary Jane"])).toEqual(["robert smith", "mary jane", "mary jane smith"]);
  });

  it("uses a person's name and nicknames as names, a place's name as an address, and no vehicle's name", () => {
    const identifiers = extractReferralIdentifiers(
      source({}, [
        entity(0, { kind: "PERSON", name: "Dave" }),
        entity(1, { kind: "PLACE", name: "Premier Inn, Bradford Rd", nicknames: ["the hotel"] }),
        entity(2, {
          kind: "VEHICLE",
          name: "Silver Audi",
          nicknames: ["the taxi"],
          vehicleRegistrations: ["YX19 ABC"],
        }),
      ]),
    );
    expect(identifiers.slice(1)).toEqual([
      { kind: "PERSON_NAME", value: "david", entityPosition: 0 },
      { kind: "ADDRESS", value: "premier inn bradford road", entityPosition: 1 },
      { kind: "VEHICLE", value: "YX19ABC", entityPosition: 2 },
    ]);
  });

  it("gives nothing for a child with no usable name and no other details", () => {
    expect(extractReferralIdentifiers(source({ givenNames: "", familyName: "" }))).toEqual([]);
  });
});
