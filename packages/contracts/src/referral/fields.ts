import { z } from "zod/mini";
import { containsForbiddenCharacters } from "../common.ts";

// The one text rule lives in common.ts; it is re-exported here for the form's own modules.
export { containsForbiddenCharacters } from "../common.ts";

function plainText(label: string, max: number) {
  return z.pipe(
    z.string({ error: `${label} must be text` }).check(
      z.maxLength(max, `${label} must be ${max} characters or fewer`),
      z.refine((value) => !containsForbiddenCharacters(value), `${label} must not contain control characters`),
    ),
    z.transform((value: string) => value.trim()),
  );
}

/** Text that must be given. */
export function requiredText(label: string, max: number, emptyMessage: string) {
  return z.pipe(plainText(label, max), z.string().check(z.minLength(1, emptyMessage)));
}

/** Text that may be left out: absent, null and blank all mean "not given". */
export function optionalText(label: string, max: number) {
  return z.pipe(
    z.optional(z.nullable(plainText(label, max))),
    z.transform((value: string | null | undefined) => (value ? value : null)),
  );
}

/** A list of short texts, each bounded, blanks dropped. */
export function textList(
  label: string,
  itemMax: number,
  maxItems: number,
  itemPattern?: { pattern: RegExp; message: string },
) {
  const text = plainText(label, itemMax);
  const item = itemPattern
    ? text.check(z.refine((value) => value === "" || itemPattern.pattern.test(value), itemPattern.message))
    : text;
  return z.pipe(
    z.optional(
      z
        .array(item, { error: `${label} must be a list` })
        .check(z.maxLength(maxItems, `Give no more than ${maxItems} ${label.toLowerCase()}`)),
    ),
    z.transform((values: string[] | undefined) => (values ?? []).filter((value) => value !== "")),
  );
}

export const yesNoUnknownSchema = z.enum(["YES", "NO", "UNKNOWN"]);
export type YesNoUnknown = z.infer<typeof yesNoUnknownSchema>;

/** Yes, no or not known; left out means not known. */
export const optionalYesNoUnknown = z.pipe(
  z.optional(z.nullable(yesNoUnknownSchema)),
  z.transform((value: YesNoUnknown | null | undefined) => value ?? "UNKNOWN"),
);

export function requiredYesNoUnknown(message: string) {
  return z.enum(["YES", "NO", "UNKNOWN"], { error: message });
}

export function requiredBoolean(message: string) {
  return z.boolean({ error: message });
}

/** UK postcode shape; routing parses it fully (packages/domain). */
export const POSTCODE_PATTERN = /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}$/;

/** `of` names whose postcode it is, so the message names the field ("for the child's home"). */
export function optionalPostcode(label: string, of: string) {
  return optionalText(label, 10).check(
    z.refine(
      (value) => value === null || POSTCODE_PATTERN.test(value),
      `Enter a real postcode for ${of}, like LS1 4AP`,
    ),
  );
}

// Made once: building a formatter costs far more than formatting, and every dated field asks.
let englishDate: Intl.DateTimeFormat | undefined;

/** Today's date in England, as YYYY-MM-DD: "not in the future" is judged by it. */
export function todayInEngland(now: Date = new Date()): string {
  englishDate ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return englishDate.format(now);
}

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900
  );
}

/** A calendar date (YYYY-MM-DD) that is real and not in the future. */
export function pastDate(label: string) {
  return z.string({ error: `Enter ${label} as a date` }).check(
    z.refine(isRealDate, `${capitalise(label)} must be a real date`),
    z.refine((value) => value <= todayInEngland(), `${capitalise(label)} must be today or in the past`),
  );
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
