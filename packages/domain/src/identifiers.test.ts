import { describe, expect, it } from "vitest";
import {
  normaliseAddress,
  normaliseDateOfBirth,
  normalisePhone,
  normaliseSocialHandle,
  normaliseVehicleRegistration,
} from "./identifiers.ts";

describe("normaliseDateOfBirth", () => {
  it("keeps real calendar dates", () => {
    expect(normaliseDateOfBirth("2012-02-29")).toBe("2012-02-29");
    expect(normaliseDateOfBirth(" 2013-06-15 ")).toBe("2013-06-15");
  });

  it("reads a Date by its UTC calendar date, as date-only columns arrive", () => {
    expect(normaliseDateOfBirth(new Date("2012-03-04T00:00:00Z"))).toBe("2012-03-04");
    expect(normaliseDateOfBirth(new Date("2012-07-04T00:00:00Z"))).toBe("2012-07-04");
  });

  it.each(["2013-02-29", "2013-13-01", "12/03/2012", "2012-3-4", "", "yesterday"])("refuses %j", (input) => {
    expect(normaliseDateOfBirth(input)).toBeNull();
  });

  it("gives null for nothing or an invalid Date", () => {
    expect(normaliseDateOfBirth(null)).toBeNull();
    expect(normaliseDateOfBirth(undefined)).toBeNull();
    expect(normaliseDateOfBirth(new Date(Number.NaN))).toBeNull();
  });
});

describe("normalisePhone", () => {
  it.each([
    ["07700 900123", "+447700900123"],
    ["+44 (0)7700 900123", "+447700900123"],
    ["+44(0)7700900123", "+447700900123"],
    ["0044 7700 900123", "+447700900123"],
    ["+44 7700 900123", "+447700900123"],
    ["07911-123-456", "+447911123456"],
    ["(07911) 123456", "+447911123456"],
    ["tel:+447911123456", "+447911123456"],
    ["0113 496 0000", "+441134960000"],
    ["0113 496 0000 ext 12", "+441134960000"],
    ["01134960000 x12", "+441134960000"],
    ["0800 1111", "+448001111"],
    ["+1 202 555 0143", "+12025550143"],
    ["+48 512 345 678", "+48512345678"],
    ["07911 123456 (mum)", "+447911123456"],
    ["mobile: 07911 123456", "+447911123456"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it("reads national numbers in the country given", () => {
    expect(normalisePhone("06 12 34 56 78", "FR")).toBe("+33612345678");
    // The same digits read as British are no number at all.
    expect(normalisePhone("06 12 34 56 78")).toBeNull();
  });

  it.each([
    "",
    "   ",
    "12",
    "12345",
    "0770",
    "999",
    "call me",
    "not known",
    "07911 12345a",
    "07911 12345",
    "0113 496 000",
    "00000000000",
    "07911123456/07922123456",
    "+44",
  ])("refuses %j", (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe("normaliseVehicleRegistration", () => {
  it.each([
    ["ab12 cde", "AB12CDE"],
    ["AB-12-CDE", "AB12CDE"],
    [" a123 bcd ", "A123BCD"],
    ["1 a", "1A"],
    ["ABC 1234", "ABC1234"],
    ["ＡＢ１２ ＣＤＥ", "AB12CDE"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normaliseVehicleRegistration(input)).toBe(expected);
  });

  it.each(["", "a", "1", "AB12CDE99", "unknown", "NONE", "AB12.CDE", "AB12_CDE", "silver Audi"])(
    "refuses %j",
    (input) => {
      expect(normaliseVehicleRegistration(input)).toBeNull();
    },
  );
});

describe("normaliseSocialHandle", () => {
  it.each([
    ["@Jay_99", "jay_99"],
    ["jay_99", "jay_99"],
    ["  @@Jay.99 ", "jay.99"],
    ["https://www.instagram.com/jay_99/", "jay_99"],
    ["instagram.com/Jay_99?hl=en", "jay_99"],
    ["https://www.tiktok.com/@Jay_99?lang=en", "jay_99"],
    ["tiktok.com/@jay_99/video/123456", "jay_99"],
    ["https://snapchat.com/add/jay-99", "jay-99"],
    ["https://twitter.com/Jay_99", "jay_99"],
    ["x.com/jay_99/status/1", "jay_99"],
    ["https://m.facebook.com/jay.99", "jay.99"],
    ["https://www.threads.net/@jay_99", "jay_99"],
    ["snap: Jay_99", "jay_99"],
    ["Instagram:@jay_99", "jay_99"],
  ])("reduces %j to %j", (input, expected) => {
    expect(normaliseSocialHandle(input)).toBe(expected);
  });

  it.each([
    "",
    "@",
    "   ",
    "n/a",
    "unknown",
    "https://www.instagram.com/",
    "https://www.instagram.com/p/ABC123/",
    "https://www.facebook.com/profile.php?id=1234",
    "jay 99",
    "jay/99",
    "https://example.com/jay_99",
  ])("refuses %j", (input) => {
    expect(normaliseSocialHandle(input)).toBeNull();
  });
});

describe("normaliseAddress", () => {
  it("folds and expands street abbreviations so written forms meet", () => {
    expect(normaliseAddress("12, High St.")).toBe("12 high street");
    expect(normaliseAddress("12 HIGH STREET")).toBe("12 high street");
    expect(normaliseAddress("Flat 2,  10 Manningham Ln")).toBe("flat 2 10 manningham lane");
    expect(normaliseAddress("3 Park Ave")).toBe(normaliseAddress("3 Park Avenue"));
    expect(normaliseAddress("7 Victoria Rd")).toBe("7 victoria road");
  });

  it("reads 'St' as street even where it means Saint, the same way on both sides", () => {
    expect(normaliseAddress("St Mary's Road")).toBe("street marys road");
  });

  it.each(["", "  ,  ", "Unknown", "NFA", "No fixed abode", "n/a"])("refuses %j", (input) => {
    expect(normaliseAddress(input)).toBeNull();
  });
});
