import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatReferralReference, parseReferralReference } from "./reference.ts";

describe("formatReferralReference", () => {
  it("pads the sequence to six digits, and grows beyond them", () => {
    expect(formatReferralReference(2026, 123)).toBe("WY-2026-000123");
    expect(formatReferralReference(2026, 1)).toBe("WY-2026-000001");
    expect(formatReferralReference(2026, 999_999)).toBe("WY-2026-999999");
    expect(formatReferralReference(2026, 1_000_000)).toBe("WY-2026-1000000");
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [2026, Number.NaN],
    [2026, Number.MAX_SAFE_INTEGER + 1],
    [999, 1],
    [10_000, 1],
    [2026.5, 1],
  ])("refuses year %d, sequence %d", (year, sequence) => {
    expect(() => formatReferralReference(year, sequence)).toThrow(RangeError);
  });
});

describe("parseReferralReference", () => {
  it("reads a reference in any case, with surrounding space", () => {
    expect(parseReferralReference("WY-2026-000123")).toEqual({ year: 2026, sequence: 123 });
    expect(parseReferralReference("  wy-2026-000123 ")).toEqual({ year: 2026, sequence: 123 });
    expect(parseReferralReference("WY-2026-1000000")).toEqual({ year: 2026, sequence: 1_000_000 });
  });

  it.each([
    "",
    "WY-2026-123",
    "WY-2026-000000",
    "WY-2026-0000123",
    "WY-26-000123",
    "XY-2026-000123",
    "WY 2026 000123",
    "WY-2026-000123x",
    "WY-0999-000001",
  ])("refuses %j", (input) => {
    expect(parseReferralReference(input)).toBeNull();
  });

  it("round-trips every reference it formats", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (year, sequence) => {
          expect(parseReferralReference(formatReferralReference(year, sequence))).toEqual({ year, sequence });
        },
      ),
    );
  });
});
