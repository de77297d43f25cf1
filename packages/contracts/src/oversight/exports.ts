import { z } from "zod/mini";
import { isRealDate, optionalText } from "../referral/fields.ts";

/**
 * The longest range one export may cover. Every export's audit entry names each referral it
 * held (so each referral's audit view shows it), and that entry is appended under the chain's
 * lock: a year of a district team's referrals keeps it to a few thousand ids.
 */
export const EXPORT_MAX_DAYS = 366;

const DAY_MS = 86_400_000;
/** Days from one real YYYY-MM-DD date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

function exportDate(label: string) {
  return z
    .string({ error: `Enter the ${label} date` })
    .check(z.refine(isRealDate, `The ${label} date must be a real date`));
}

/** POST /api/exports/referrals: the team's referrals submitted between two dates, inclusive, in England. */
export const referralExportRequestSchema = z
  .strictObject({
    from: exportDate("start"),
    to: exportDate("end"),
    /** The concern, the decision's reason and the message to the referrer: only with a reason. */
    includeFreeText: z._default(z.boolean({ error: "Say whether to include free text" }), false),
    reason: optionalText("Reason", 1_000),
  })
  .check(
    z.refine((value) => !isRealDate(value.from) || !isRealDate(value.to) || value.from <= value.to, {
      path: ["to"],
      message: "The end date must be the same as or after the start date",
    }),
    z.refine(
      (value) =>
        !isRealDate(value.from) ||
        !isRealDate(value.to) ||
        value.from > value.to ||
        daysBetween(value.from, value.to) < EXPORT_MAX_DAYS,
      { path: ["to"], message: `An export can cover at most ${EXPORT_MAX_DAYS} days` },
    ),
    z.refine((value) => !value.includeFreeText || value.reason !== null, {
      path: ["reason"],
      message: "Enter why you need the free text",
    }),
  )
  .register(z.globalRegistry, {
    examples: [
      { from: "2026-11-01", to: "2026-11-30", includeFreeText: true, reason: "Case review for the strategy meeting." },
    ],
  });
export type ReferralExportRequest = z.infer<typeof referralExportRequestSchema>;
