import { z } from "zod/mini";
import { agencySchema, isoDateTimeSchema, roleSchema, uuidSchema } from "../common.ts";

/** GET /api/audit?referralId=: one referral's audit trail, newest first, a page at a time. */
export const auditTrailQuerySchema = z.object({
  referralId: uuidSchema,
  /** The id of the last entry of the previous page (entries are numbered in chain order). */
  cursor: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,18}$/, "The cursor is not valid"))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
export type AuditTrailQuery = z.infer<typeof auditTrailQuerySchema>;

/**
 * What an entry says was done to the referral. Opened: read it (the file, its links, its
 * audit trail, a transfer review). Changed: anything that wrote to it. Exported: it was a row
 * of a CSV export. Listed: it appeared in someone's list (the queue, the inbox), which shows
 * the child's name. Refused: someone tried and was turned away.
 */
export const auditTrailKindSchema = z.enum(["opened", "changed", "exported", "listed", "refused"]);
export type AuditTrailKind = z.infer<typeof auditTrailKindSchema>;

export const auditTrailKindLabels: Record<AuditTrailKind, string> = {
  opened: "Opened",
  changed: "Changed",
  exported: "Exported",
  listed: "Listed",
  refused: "Refused",
};

export const auditTrailEntrySchema = z.object({
  id: z.string(),
  occurredAt: isoDateTimeSchema,
  kind: auditTrailKindSchema,
  /** The recorded action, as `<thing>.<verb>`: "referral.read", "referral.reassign". */
  action: z.string(),
  /** Who, with the role recorded at the time; team and agency are the person's now. */
  actor: z.nullable(
    z.object({
      id: uuidSchema,
      name: z.string(),
      role: z.nullable(roleSchema),
      team: z.nullable(z.string()),
      agency: agencySchema,
    }),
  ),
  /** For a refusal, why ("not-permitted", "role-not-permitted"). */
  refusal: z.nullable(z.string()),
  /** For an export: its filter, how many rows it held, and the reason given for free text. */
  export: z.nullable(
    z.object({
      from: z.string(),
      to: z.string(),
      rows: z.number().check(z.int()),
      includeFreeText: z.boolean(),
      reason: z.nullable(z.string()),
    }),
  ),
});
export type AuditTrailEntry = z.infer<typeof auditTrailEntrySchema>;

export const auditTrailPageSchema = z.object({
  referral: z.object({ id: uuidSchema, reference: z.string() }),
  entries: z.array(auditTrailEntrySchema),
  nextCursor: z.nullable(z.string()),
});
export type AuditTrailPage = z.infer<typeof auditTrailPageSchema>;
