import { describe, expect, it } from "vitest";
import { emptyExportForm, readExportForm } from "./export-form.ts";

const november = {
  ...emptyExportForm,
  fromDay: "1",
  fromMonth: "11",
  fromYear: "2026",
  toDay: "30",
  toMonth: "11",
  toYear: "2026",
};

describe("the export form", () => {
  it("asks for both dates when nothing is filled in", () => {
    expect(readExportForm(emptyExportForm)).toEqual({
      ok: false,
      errors: { from: "Enter the start date", to: "Enter the end date" },
    });
  });

  it("says which part of a date is missing, as GOV.UK does", () => {
    const read = readExportForm({ ...november, fromMonth: "" });
    expect(read).toEqual({ ok: false, errors: { from: "The start date must include a month" } });
  });

  it("gives the contract's messages for the range and the reason", () => {
    expect(readExportForm({ ...november, toMonth: "10" })).toMatchObject({
      ok: false,
      errors: { to: "The end date must be the same as or after the start date" },
    });
    expect(readExportForm({ ...november, freeText: ["yes"], reason: "  " })).toEqual({
      ok: false,
      errors: { reason: "Enter why you need the free text" },
    });
  });

  it("makes the API's request, with a reason only when free text is ticked", () => {
    expect(readExportForm({ ...november, reason: "left over" })).toEqual({
      ok: true,
      request: { from: "2026-11-01", to: "2026-11-30", includeFreeText: false, reason: null },
    });
    expect(readExportForm({ ...november, freeText: "yes", reason: "Case review." })).toEqual({
      ok: true,
      request: { from: "2026-11-01", to: "2026-11-30", includeFreeText: true, reason: "Case review." },
    });
  });
});
