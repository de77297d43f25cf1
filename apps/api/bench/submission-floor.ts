// The database floor of a submission: the same rows a submission writes (the idempotency
// claim, the referral with its child, information sharing, signs, people and places of concern,
// identifiers and chronology, the reference, the audit entry and the stored answer), written by
// a plain `pg` client in as few statements as it takes, in one transaction as the service does.
// The rows are copied from a referral the service itself stored, with fresh ids, so the floor
// writes exactly the shape the service writes. (It does not queue the link job, which the
// service does after commit: that only makes the floor cheaper, the ratio stricter.)
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { appendAudit, inTransaction, type FloorActor } from "./triage-floors.ts";

/** The child tables of a referral, each keyed by "referralId", in the order they are written. */
const CHILD_TABLES = [
  "ReferralChild",
  "InformationSharing",
  "ReferralIndicator",
  "ConcernEntity",
  "ReferralIdentifier",
  "ChronologyEvent",
] as const;

export interface SubmissionTemplate {
  /** The referral and its child rows as JSON, with every id the copy must replace. */
  readonly json: string;
  readonly ids: readonly string[];
  readonly referralId: string;
  readonly responseBody: unknown;
}

/** Reads a stored referral's rows as the template each floor submission copies. */
export async function submissionTemplate(client: pg.ClientBase, referralId: string): Promise<SubmissionTemplate> {
  const tables: Record<string, unknown[]> = {};
  for (const table of ["Referral", ...CHILD_TABLES]) {
    const key = table === "Referral" ? "id" : "referralId";
    const { rows } = await client.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM "${table}" t WHERE t."${key}" = $1::uuid`,
      [referralId],
    );
    tables[table] = rows.map((r) => r.row);
  }
  const ids = new Set<string>([referralId]);
  for (const table of ["ConcernEntity", "ReferralIdentifier", "ChronologyEvent"])
    for (const row of tables[table] as { id: string }[]) ids.add(row.id);
  const { rows } = await client.query<{ body: unknown }>(
    `SELECT "responseBody" AS body FROM "IdempotencyRecord" WHERE "responseBody"->>'id' = $1 LIMIT 1`,
    [referralId],
  );
  return { json: JSON.stringify(tables), ids: [...ids], referralId, responseBody: rows[0]?.body ?? {} };
}

/** One submission's writes, copied from the template with fresh ids. */
export async function submissionFloor(
  client: pg.ClientBase,
  actor: FloorActor,
  template: SubmissionTemplate,
  key: string,
): Promise<void> {
  let json = template.json;
  const fresh = new Map(template.ids.map((id) => [id, randomUUID()]));
  for (const [old, replacement] of fresh) json = json.replaceAll(old, replacement);
  const tables = JSON.parse(json) as Record<string, Record<string, unknown>[]>;
  const referral = tables.Referral![0]!;
  referral.reference = `pending-${randomUUID()}`;
  const referralId = fresh.get(template.referralId)!;
  const year = new Date().getUTCFullYear();

  await client.query({
    name: "floor-idempotency-claim",
    text: `INSERT INTO "IdempotencyRecord" ("userId", "key", "requestHash", "status", "createdAt", "expiresAt")
      VALUES ($1::uuid, $2, 'floor', 'IN_PROGRESS', now(), now() + interval '1 day') ON CONFLICT DO NOTHING`,
    values: [actor.id, key],
  });
  await inTransaction(client, async () => {
    // Every row in one statement. PostgreSQL checks foreign keys at the end of the statement,
    // so the referral and its children can be written together.
    await client.query({
      name: "floor-submission-rows",
      text: `WITH r AS (INSERT INTO "Referral" SELECT * FROM jsonb_populate_record(NULL::"Referral", $1::jsonb) RETURNING "id"),
        c AS (INSERT INTO "ReferralChild" SELECT x.* FROM r, jsonb_populate_recordset(NULL::"ReferralChild", $2::jsonb) x RETURNING 1),
        s AS (INSERT INTO "InformationSharing" SELECT x.* FROM r, jsonb_populate_recordset(NULL::"InformationSharing", $3::jsonb) x RETURNING 1),
        i AS (INSERT INTO "ReferralIndicator" SELECT x.* FROM r, jsonb_populate_recordset(NULL::"ReferralIndicator", $4::jsonb) x RETURNING 1),
        e AS (INSERT INTO "ConcernEntity" SELECT x.* FROM r, jsonb_populate_recordset(NULL::"ConcernEntity", $5::jsonb) x RETURNING "id"),
        d AS (INSERT INTO "ReferralIdentifier" SELECT x.* FROM r, jsonb_populate_recordset(NULL::"ReferralIdentifier", $6::jsonb) x RETURNING 1),
        h AS (INSERT INTO "ChronologyEvent" SELECT x.* FROM r, jsonb_populate_recordset(NULL::"ChronologyEvent", $7::jsonb) x RETURNING 1)
        SELECT (SELECT count(*) FROM c) + (SELECT count(*) FROM s) + (SELECT count(*) FROM i) + (SELECT count(*) FROM d) + (SELECT count(*) FROM h) AS "rows"`,
      values: [referral, ...CHILD_TABLES.map((table) => JSON.stringify(tables[table]))],
    });
    // The reference last, as the service takes it: the sequence's row lock is held to commit.
    const { rows } = await client.query<{ reference: string }>({
      name: "floor-reference",
      text: `WITH seq AS (INSERT INTO "ReferenceSequence" ("year", "lastNumber") VALUES ($2, 1)
          ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "ReferenceSequence"."lastNumber" + 1 RETURNING "lastNumber")
        UPDATE "Referral" SET "reference" = 'F-' || $2 || '-' || seq."lastNumber" FROM seq WHERE "id" = $1::uuid RETURNING "reference"`,
      values: [referralId, year],
    });
    await appendAudit(
      client,
      actor,
      {
        action: "referral.submit",
        entityId: referralId,
        referralId,
        details: { reference: rows[0]!.reference, risk: referral.risk, routing: "RULE" },
      },
      "REFERRER",
    );
    await client.query({
      name: "floor-idempotency-complete",
      text: `UPDATE "IdempotencyRecord" SET "status" = 'COMPLETED', "responseStatus" = 201, "responseBody" = $3::jsonb
        WHERE "userId" = $1::uuid AND "key" = $2`,
      values: [actor.id, key, JSON.stringify({ ...(template.responseBody as object), id: referralId })],
    });
  });
}
