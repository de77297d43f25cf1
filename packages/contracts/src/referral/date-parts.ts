/** What a GOV.UK date input holds: three separate fields. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDateParts = (): DateParts => ({ day: "", month: "", year: "" });

export type DatePartsResult =
  | { readonly ok: true; readonly value: string | null }
  | { readonly ok: false; readonly message: string; readonly parts: readonly ("day" | "month" | "year")[] };

/**
 * Turns a date input into YYYY-MM-DD, with the GOV.UK messages for a partly filled one.
 * All three blank means "not given". Whether the date is real and not in the future is
 * then the submission schema's job, so those messages are the server's own.
 */
export function datePartsToIso(parts: DateParts | undefined, label: string): DatePartsResult {
  const day = (parts?.day ?? "").trim();
  const month = (parts?.month ?? "").trim();
  const year = (parts?.year ?? "").trim();
  if (!day && !month && !year) return { ok: true, value: null };
  const missing = (["day", "month", "year"] as const).filter((part) => !{ day, month, year }[part]);
  if (missing.length > 0)
    return { ok: false, message: `${label} must include a ${missing.join(" and ")}`, parts: missing };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, message: `${label} must be a real date`, parts: ["day", "month", "year"] };
  }
  return { ok: true, value: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` };
}
