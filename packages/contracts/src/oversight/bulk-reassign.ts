import { z } from "zod/mini";
import { uuidSchema } from "../common.ts";

/**
 * POST /api/referrals/bulk-reassign: a lead gives several referrals to one member of the team.
 * No cap on how many (only the request's size bounds it); each is reassigned on its own.
 */
export const bulkReassignRequestSchema = z
  .strictObject({
    referralIds: z.array(uuidSchema).check(z.minLength(1, "Select at least one referral")),
    assigneeId: uuidSchema,
  })
  .register(z.globalRegistry, {
    examples: [
      {
        referralIds: ["0190a2b4-7c1d-7000-8000-000000000001", "0190a2b4-7c1d-7000-8000-000000000002"],
        assigneeId: "0190a2b4-7c1d-7000-8000-000000000000",
      },
    ],
  });
export type BulkReassignRequest = z.infer<typeof bulkReassignRequestSchema>;

/**
 * What happened to each referral. Reassigned: done, with its chronology and audit entry.
 * Unchanged: it was already the assignee's. Not found: not one of the team's (or no such
 * referral). Not open: decided or waiting for approval. Conflict: someone changed it meanwhile.
 */
export const bulkReassignOutcomeSchema = z.enum(["reassigned", "unchanged", "not-found", "not-open", "conflict"]);
export type BulkReassignOutcome = z.infer<typeof bulkReassignOutcomeSchema>;

export const bulkReassignResultSchema = z.object({
  assignee: z.object({ id: uuidSchema, name: z.string() }),
  reassigned: z.number().check(z.int()),
  results: z.array(
    z.object({ referralId: uuidSchema, reference: z.nullable(z.string()), outcome: bulkReassignOutcomeSchema }),
  ),
});
export type BulkReassignResult = z.infer<typeof bulkReassignResultSchema>;
