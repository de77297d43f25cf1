import { Prisma } from "../../generated/prisma/client.ts";
import { auditAppendSql, type ComputedDetails } from "../audit/append-sql.ts";
import type { AuditEntry } from "../audit/service.ts";
import type { ReferralWithDetail } from "./referral-view.ts";

/**
 * A referral read, and its read recorded, in one statement: the referral as one JSON document
 * built by PostgreSQL, and the audit entry appended after it is read. One round trip, so one
 * statement is also the transaction: the entry exists exactly when the referral was read, and a
 * referral outside the reader's scope reads nothing and appends nothing.
 *
 * The document holds the referral's own fields and its content as the referrer made it (what
 * referralDetailInclude names), keeping the names Prisma gives them (the columns are named
 * alike), so the existing mappings to the contracts apply; `extra` adds a reader's own fields.
 * `scope` is the access gateway's for the read, over the referral aliased `r`; the team is
 * aliased `t`. The audit entry's referral and team are the row's.
 */
export function readReferralStatement({
  id,
  scope,
  extra,
  audit,
  computed = {},
  occurredAt,
}: {
  readonly id: string;
  readonly scope: Prisma.Sql;
  readonly extra: Prisma.Sql | null;
  readonly audit: Omit<AuditEntry, "referralId" | "entityId" | "teamId">;
  /** Facts for the audit entry's details, over the CTE `file` (its "document" and "teamId"). */
  readonly computed?: ComputedDetails;
  readonly occurredAt: Date;
}): Prisma.Sql {
  const document = Prisma.sql`to_jsonb(r) || jsonb_build_object(
      'child', (SELECT to_jsonb(c) FROM "ReferralChild" c WHERE c."referralId" = r."id"),
      'informationSharing', (SELECT to_jsonb(s) FROM "InformationSharing" s WHERE s."referralId" = r."id"),
      'indicators', coalesce((SELECT jsonb_agg(to_jsonb(i)) FROM "ReferralIndicator" i WHERE i."referralId" = r."id"), '[]'),
      'concernEntities', coalesce((SELECT jsonb_agg(to_jsonb(e) ORDER BY e."position")
        FROM "ConcernEntity" e WHERE e."referralId" = r."id"), '[]'),
      'addenda', coalesce((SELECT jsonb_agg(to_jsonb(x) || jsonb_build_object('author', jsonb_build_object('displayName', a."displayName"))
        ORDER BY x."createdAt") FROM "Addendum" x JOIN "User" a ON a."id" = x."authorId" WHERE x."referralId" = r."id"), '[]'),
      'team', jsonb_build_object('id', t."id", 'name', t."name", 'isHub', t."isHub"),
      'referrerOrganisation', jsonb_build_object('name', o."name"))`;
  return Prisma.sql`
    WITH file AS MATERIALIZED (
      SELECT r."id", r."teamId", ${extra ? Prisma.sql`${document} || ${extra}` : document} AS "document"
        FROM "Referral" r JOIN "Team" t ON t."id" = r."teamId" JOIN "Organisation" o ON o."id" = r."referrerOrganisationId"
       WHERE r."id" = ${id}::uuid AND ${scope}),
    audited AS (${auditAppendSql({ ...audit, entityId: id, referralId: id }, occurredAt, {
      name: Prisma.raw("file"),
      key: Prisma.raw(`file."id"`),
      teamId: Prisma.raw(`file."teamId"`),
      computed,
    })})
    SELECT "document"::text AS "document" FROM file`;
}

type Json = Record<string, unknown>;

/** Turns the named fields (ISO text, or null) into Date, in place. */
export function withDates(row: Json, fields: readonly string[]): void {
  for (const field of fields) row[field] = row[field] == null ? null : new Date(row[field] as string);
}

// Named field by field, so free text that looks like a date stays text.
const REFERRAL_DATES = [
  "submittedAt",
  "decisionDueAt",
  "updatedAt",
  "assignedAt",
  "redEscalationDueAt",
  "escalatedAt",
  "redEscalatedAt",
  "decidedAt",
  "decisionApprovedAt",
  "concernOccurredOn",
] as const satisfies readonly (keyof ReferralWithDetail)[];

/**
 * The statement's document as Prisma would have given it, its timestamps and dates as Date;
 * the referral's own and its content's here, any a reader's extra fields carry by the caller.
 */
export function parseReferralDocument<T extends ReferralWithDetail>(text: string): T & Json {
  const file = JSON.parse(text) as Json & { addenda: Json[] };
  withDates(file, REFERRAL_DATES);
  if (file.child) withDates(file.child as Json, ["dateOfBirth"]);
  for (const addendum of file.addenda) withDates(addendum, ["createdAt"]);
  return file as unknown as T & Json;
}
