import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isPostcodeArea,
  isPostcodeDistrict,
  normalisePostcode,
  parseOutwardCode,
  parsePartialPostcode,
  parsePostcode,
} from "./postcode.ts";

const parts = (area: string, district: string, inward: string) => ({
  area,
  district,
  sector: `${district} ${inward.charAt(0)}`,
  inward,
  formatted: `${district} ${inward}`,
  compact: `${district}${inward}`,
});

describe("parsePostcode", () => {
  it.each([
    ["LS29 8AB", parts("LS", "LS29", "8AB")],
    ["ls298ab", parts("LS", "LS29", "8AB")],
    ["  bd1   1aa ", parts("BD", "BD1", "1AA")],
    ["Wf12\t9xy", parts("WF", "WF12", "9XY")],
    ["M1 1AE", parts("M", "M1", "1AE")],
    ["B33 8TH", parts("B", "B33", "8TH")],
    ["CR2 6XH", parts("CR", "CR2", "6XH")],
    ["SW1A 1AA", parts("SW", "SW1A", "1AA")],
    ["W1A 0AX", parts("W", "W1A", "0AX")],
    ["EC1A 1BB", parts("EC", "EC1A", "1BB")],
    ["OL14 5DE", parts("OL", "OL14", "5DE")],
    ["ＬＳ２９ ８ＡＢ", parts("LS", "LS29", "8AB")],
  ])("parses %j", (input, expected) => {
    expect(parsePostcode(input)).toEqual(expected);
  });

  it.each([
    ["", "empty"],
    ["LS29", "outward code only"],
    ["LS29 8", "sector only"],
    ["LS29 8A", "inward too short"],
    ["LS29 8ABC", "inward too long"],
    ["LS298 8AB", "district with three digits"],
    ["LSS29 8AB", "three area letters"],
    ["1S29 8AB", "area starting with a digit"],
    ["QS29 8AB", "Q never starts a postcode"],
    ["VS29 8AB", "V never starts a postcode"],
    ["XS29 8AB", "X never starts a postcode"],
    ["LI29 8AB", "I is never second"],
    ["LJ29 8AB", "J is never second"],
    ["LZ29 8AB", "Z is never second"],
    ["W1L 0AX", "L may not follow the digit of an A9A district"],
    ["EC1C 1BB", "C may not follow the digit of an AA9A district"],
    ["LS29 8CB", "C is not used in the inward code"],
    ["LS29 8AI", "I is not used in the inward code"],
    ["LS29 8KA", "K is not used in the inward code"],
    ["LS29 8MA", "M is not used in the inward code"],
    ["LS29 8OA", "O is not used in the inward code"],
    ["LS29 8VA", "V is not used in the inward code"],
    ["LS29 AAB", "inward code starting with a letter"],
    ["GIR 0AA", "the retired Girobank code"],
    ["LS29-8AB", "hyphenated"],
    ["LS29 8AB X", "trailing text"],
    ["ÅS29 8AB", "accented letter"],
  ])("refuses %j (%s)", (input) => {
    expect(parsePostcode(input)).toBeNull();
    expect(normalisePostcode(input)).toBeNull();
  });

  it.each([
    ["LS2 98AB", "Leeds LS2 must not be re-read as Bradford's LS29 8AB"],
    ["WF1 28AB", "Wakefield WF1 must not be re-read as Kirklees' WF12 8AB"],
    ["L S29 8AB", "a space inside the area"],
    ["LS 29 8AB", "a space between area and district number"],
    ["LS29 8 AB", "a space inside the inward code"],
    ["LS29 8A B", "a space inside the inward code"],
    ["LS2 98 AB", "two spaces, neither before the inward code"],
    ["LS 298AB", "a space after the area only"],
  ])("refuses %j: a space anywhere but before the inward code (%s)", (input) => {
    expect(parsePostcode(input)).toBeNull();
    expect(normalisePostcode(input)).toBeNull();
  });

  it("normalises to the written form", () => {
    expect(normalisePostcode("wf12 9xy")).toBe("WF12 9XY");
    expect(normalisePostcode(" sw1a1aa ")).toBe("SW1A 1AA");
  });

  it("reads its own output back unchanged, with or without the space", () => {
    const letter = fc.constantFrom(..."ABDEFGHJLNPQRSTUWXYZ");
    const postcode = fc
      .tuple(
        fc.constantFrom("LS", "BD", "WF", "HD", "HX", "OL", "M", "B", "E", "SW"),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9 }),
        letter,
        letter,
      )
      .map(([area, district, sector, a, b]) => `${area}${district} ${sector}${a}${b}`);
    fc.assert(
      fc.property(postcode, (code) => {
        const parsed = parsePostcode(code);
        expect(parsed).not.toBeNull();
        expect(parsed?.formatted).toBe(code);
        expect(parsePostcode(parsed?.compact ?? "")).toEqual(parsed);
        expect(parsePostcode(code.toLowerCase())).toEqual(parsed);
      }),
    );
  });
});

// Every shape of a valid outward code, with the letters Royal Mail allows in each place.
const firstLetter = fc.constantFrom(..."ABCDEFGHIJKLMNOPRSTUWYZ");
const secondLetter = fc.constantFrom(..."ABCDEFGHKLMNOPQRSTUVWXY");
const digit = fc.integer({ min: 0, max: 9 }).map(String);
const validDistrict = fc.oneof(
  fc.tuple(firstLetter, digit).map((parts) => parts.join("")),
  fc.tuple(firstLetter, digit, digit).map((parts) => parts.join("")),
  fc.tuple(firstLetter, secondLetter, digit).map((parts) => parts.join("")),
  fc.tuple(firstLetter, secondLetter, digit, digit).map((parts) => parts.join("")),
  fc.tuple(firstLetter, digit, fc.constantFrom(..."ABCDEFGHJKPSTUW")).map((parts) => parts.join("")),
  fc.tuple(firstLetter, secondLetter, digit, fc.constantFrom(..."ABEHMNPRVWXY")).map((parts) => parts.join("")),
);
const inwardLetter = fc.constantFrom(..."ABDEFGHJLNPQRSTUWXYZ");
const validInward = fc.tuple(digit, inwardLetter, inwardLetter).map((parts) => parts.join(""));
const validFormatted = fc.tuple(validDistrict, validInward).map(([district, inward]) => `${district} ${inward}`);

describe("parsePostcode over every valid postcode", () => {
  it("reads the written form back unchanged, and the form without a space as the same postcode", () => {
    fc.assert(
      fc.property(validFormatted, (formatted) => {
        const parsed = parsePostcode(formatted);
        expect(parsed?.formatted).toBe(formatted);
        expect(parsePostcode(formatted.replace(" ", ""))).toEqual(parsed);
        expect(parsePostcode(formatted.replace(" ", "   "))).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses a space inserted anywhere but directly before the inward code", () => {
    const withStrayedSpace = validFormatted.chain((formatted) => {
      const compact = formatted.replace(" ", "");
      // Positions inside the compact form, except the one before the inward code.
      const positions = Array.from({ length: compact.length - 1 }, (_, index) => index + 1).filter(
        (position) => position !== compact.length - 3,
      );
      return fc.tuple(fc.constant(compact), fc.constantFrom(...positions), fc.boolean());
    });
    fc.assert(
      fc.property(withStrayedSpace, ([compact, position, keepInwardSpace]) => {
        const outward = compact.slice(0, -3);
        const inward = compact.slice(-3);
        // The stray space alone, or the stray space as well as the proper one.
        const base = keepInwardSpace ? `${outward} ${inward}` : compact;
        const at = keepInwardSpace && position > outward.length ? position + 1 : position;
        const strayed = `${base.slice(0, at)} ${base.slice(at)}`;
        expect(parsePostcode(strayed), strayed).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseOutwardCode", () => {
  it("accepts an outward code on its own", () => {
    expect(parseOutwardCode("ls29")).toEqual({ area: "LS", district: "LS29" });
    expect(parseOutwardCode(" LS29 ")).toEqual({ area: "LS", district: "LS29" });
    expect(parseOutwardCode("SW1A")).toEqual({ area: "SW", district: "SW1A" });
    expect(parseOutwardCode("M1")).toEqual({ area: "M", district: "M1" });
  });

  it("refuses areas, sectors and full postcodes", () => {
    expect(parseOutwardCode("LS")).toBeNull();
    expect(parseOutwardCode("LS298")).toBeNull();
    expect(parseOutwardCode("LS29 8AB")).toBeNull();
    expect(parseOutwardCode("")).toBeNull();
  });

  it("refuses a space inside the outward code, which would re-read sector LS2 9 as district LS29", () => {
    expect(parseOutwardCode("LS2 9")).toBeNull();
    expect(parseOutwardCode("LS 29")).toBeNull();
  });
});

describe("parsePartialPostcode", () => {
  it("reads a district or a district and sector", () => {
    expect(parsePartialPostcode("ls29")).toEqual({ area: "LS", district: "LS29", sector: null });
    expect(parsePartialPostcode("LS29 8")).toEqual({ area: "LS", district: "LS29", sector: "LS29 8" });
    expect(parsePartialPostcode(" ls29   8 ")).toEqual({ area: "LS", district: "LS29", sector: "LS29 8" });
    expect(parsePartialPostcode("LS298")).toEqual({ area: "LS", district: "LS29", sector: "LS29 8" });
    expect(parsePartialPostcode("SW1A1")).toEqual({ area: "SW", district: "SW1A", sector: "SW1A 1" });
  });

  it("reads an unspaced string that could be a district as the district", () => {
    expect(parsePartialPostcode("LS28")).toEqual({ area: "LS", district: "LS28", sector: null });
    expect(parsePartialPostcode("LS2 8")).toEqual({ area: "LS", district: "LS2", sector: "LS2 8" });
  });

  it.each(["", "LS", "LS29 88", "LS29 A", "LS29 8AB", "LS 29", "LS2 9 8", "LS2988"])("refuses %j", (input) => {
    expect(parsePartialPostcode(input)).toBeNull();
  });
});

describe("area and district shapes", () => {
  it("tells areas and districts apart", () => {
    expect(isPostcodeArea("B")).toBe(true);
    expect(isPostcodeArea("BD")).toBe(true);
    expect(isPostcodeArea("BDX")).toBe(false);
    expect(isPostcodeArea("QA")).toBe(false);
    expect(isPostcodeDistrict("BD1")).toBe(true);
    expect(isPostcodeDistrict("BD")).toBe(false);
  });
});
