import { datePartsToIso } from "@cse/contracts";
import { EXPORT_MAX_DAYS, referralExportRequestSchema, type ReferralExportRequest } from "@cse/contracts/oversight";

export interface ExportForm {
  fromDay: string;
  fromMonth: string;
  fromYear: string;
  toDay: string;
  toMonth: string;
  toYear: string;
  /** The one checkbox, as react-hook-form reports it (an array, a value, or a boolean). */
  freeText: string[] | string | boolean;
  reason: string;
}

export function isTicked(value: ExportForm["freeText"]): boolean {
  return Array.isArray(value) ? value.includes("yes") : value === "yes" || value === true;
}

export type ExportField = "from" | "to" | "reason";
export type ExportErrors = Partial<Record<ExportField, string>>;

export const emptyExportForm: ExportForm = {
  fromDay: "",
  fromMonth: "",
  fromYear: "",
  toDay: "",
  toMonth: "",
  toYear: "",
  freeText: [],
  reason: "",
};

/**
 * The form as the API's request, or the messages to show: the date boxes first (GOV.UK's
 * messages for a part missing), then the contract's own rules, so the browser says what the
 * API would.
 */
export function readExportForm(
  values: ExportForm,
): { ok: true; request: ReferralExportRequest } | { ok: false; errors: ExportErrors } {
  const from = datePartsToIso(
    { day: values.fromDay, month: values.fromMonth, year: values.fromYear },
    "The start date",
  );
  const to = datePartsToIso({ day: values.toDay, month: values.toMonth, year: values.toYear }, "The end date");
  const errors: ExportErrors = {};
  if (!from.ok) errors.from = from.message;
  else if (from.value === null) errors.from = "Enter the start date";
  if (!to.ok) errors.to = to.message;
  else if (to.value === null) errors.to = "Enter the end date";
  const includeFreeText = isTicked(values.freeText);
  const parsed = referralExportRequestSchema.safeParse({
    from: from.ok ? (from.value ?? "") : "",
    to: to.ok ? (to.value ?? "") : "",
    includeFreeText,
    reason: includeFreeText ? values.reason : null,
  });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, request: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0]) as ExportField;
    if (field === "from" || field === "to" || field === "reason") errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export const EXPORT_RANGE_HINT = `Referrals submitted on these days, in England. At most ${EXPORT_MAX_DAYS} days.`;
