// The database floors of the triage reads: the same rows the service reads, and the same audit
// entry it writes, by a plain `pg` client in as few prepared statements as it takes. What the
// service adds on top (HTTP, session, access checks, Prisma, shaping) is the gap to the floor.
import type pg from "pg";
import { hashedTextAround } from "../src/modules/audit/chain.ts";
import { segmentPageSql, type QueuePosition, type QueueSegment } from "../src/modules/triage/queue-repository.ts";

export interface FloorActor {
  readonly id: string;
  readonly teamId: string;
  readonly agency: string;
}

/** Appends one entry to the chain exactly as the audit service does: one INSERT ... FROM audit_chain_next(). */
export async function appendAudit(
  client: pg.ClientBase,
  actor: FloorActor,
  entry: { action: string; entityId: string | null; referralId: string | null; details: Record<string, unknown> },
  actorRole = "TRIAGE",
) {
  const fields = {
    occurredAt: new Date(),
    actorId: actor.id,
    actorRole,
    action: entry.action,
    outcome: "ALLOWED",
    entityType: "Referral",
    entityId: entry.entityId,
    referralId: entry.referralId,
    teamId: actor.teamId,
    requestId: null,
    details: entry.details,
  };
  const { before, after } = hashedTextAround(fields);
  await client.query({
    name: "audit-append",
    text: `INSERT INTO "AuditEvent" ("id", "occurredAt", "actorId", "actorRole", "action", "outcome", "entityType",
      "entityId", "referralId", "teamId", "requestId", "details", "prevHash", "hash")
      SELECT chain."next_id", $1::timestamptz, $2::uuid, $3::"Role", $4, $5::"AuditOutcome", $6, $7, $8::uuid,
             $9::uuid, $10, $11::jsonb, chain."prev_hash",
             encode(sha256(convert_to($12 || chain."prev_hash" || $13, 'UTF8')), 'hex')
        FROM "audit_chain_next"() AS chain`,
    values: [
      fields.occurredAt.toISOString(),
      fields.actorId,
      fields.actorRole,
      fields.action,
      fields.outcome,
      fields.entityType,
      fields.entityId,
      fields.referralId,
      fields.teamId,
      fields.requestId,
      JSON.stringify(fields.details),
      before,
      after,
    ],
  });
}

export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

const ITEM_COLUMNS = `r."id", r."reference", r."status", r."risk", r."submittedAt", r."decisionDueAt", r."redEscalationDueAt",
  r."assigneeId", u."displayName" AS "assigneeName", t."isHub", c."givenNames", c."familyName", c."ageAtReferral"`;

/**
 * One queue page: the rows of each segment the page reaches, with what a row shows, in one
 * statement per segment; the counts in one more; and the "referral.queue" audit entry.
 */
export async function queuePageFloor(
  client: pg.ClientBase,
  actor: FloorActor,
  after: QueuePosition | null,
  limit: number,
): Promise<number> {
  const now = new Date();
  const filter = { teamId: actor.teamId, attentionOnly: false };
  const ids: string[] = [];
  for (const segment of [0, 1] as QueueSegment[]) {
    if ((after && segment < after.segment) || ids.length > limit) continue;
    const page = segmentPageSql(filter, segment, after, limit + 1 - ids.length, now);
    const { rows } = await client.query<{ id: string }>({
      name: `queue-${segment}-${after?.segment === segment ? "after" : "first"}`,
      text: `WITH page AS (${page.text}) SELECT ${ITEM_COLUMNS} FROM page JOIN "Referral" r ON r."id" = page."id"
        JOIN "ReferralChild" c ON c."referralId" = r."id" JOIN "Team" t ON t."id" = r."teamId"
        LEFT JOIN "User" u ON u."id" = r."assigneeId" ORDER BY r."risk", r."decisionDueAt", r."id"`,
      values: page.values,
    });
    ids.push(...rows.map((row) => row.id));
  }
  await client.query({
    name: "queue-counts",
    text: `SELECT count(*) AS "all", count(*) FILTER (WHERE "assigneeId" = $2::uuid) AS "mine",
      count(*) FILTER (WHERE "assigneeId" IS NULL) AS "unassigned",
      count(*) FILTER (WHERE "decisionDueAt" < $3 OR ("risk" = 'RED' AND "assigneeId" IS NULL AND COALESCE("redEscalationDueAt" < $3, false))) AS "attention"
      FROM "Referral" WHERE "teamId" = $1::uuid AND "status" <> 'DECIDED'`,
    values: [actor.teamId, actor.id, now],
  });
  const shown = ids.slice(0, limit);
  await inTransaction(client, () =>
    appendAudit(client, actor, {
      action: "referral.queue",
      entityId: null,
      referralId: null,
      details: { referralIds: shown },
    }),
  );
  return shown.length;
}

/**
 * The team's referral file: in one transaction, one statement reading the referral with its
 * child, information sharing, indicators, entities, addenda, pending risk override, the notes
 * the reader may see and the chronology; then the "referral.read" audit entry.
 */
export async function referralFileFloor(client: pg.ClientBase, actor: FloorActor, referralId: string): Promise<void> {
  await inTransaction(client, async () => {
    const { rows } = await client.query<{ id: string; notes: unknown[] | null }>({
      name: "file-read",
      text: `SELECT r.*, to_jsonb(c) AS child, to_jsonb(s) AS sharing, t."name" AS "teamName", t."isHub",
        o."name" AS "organisationName", a."displayName" AS "assigneeName", d."displayName" AS "deciderName",
        (SELECT jsonb_agg(to_jsonb(i)) FROM "ReferralIndicator" i WHERE i."referralId" = r."id") AS indicators,
        (SELECT jsonb_agg(to_jsonb(e) ORDER BY e."position") FROM "ConcernEntity" e WHERE e."referralId" = r."id") AS entities,
        (SELECT jsonb_agg(jsonb_build_object('addendum', to_jsonb(x), 'author', au."displayName") ORDER BY x."createdAt")
          FROM "Addendum" x JOIN "User" au ON au."id" = x."authorId" WHERE x."referralId" = r."id") AS addenda,
        (SELECT jsonb_agg(to_jsonb(ro)) FROM "RiskOverride" ro WHERE ro."referralId" = r."id" AND ro."status" = 'PENDING_APPROVAL') AS overrides,
        (SELECT jsonb_agg(jsonb_build_object('note', to_jsonb(n), 'author', na."displayName") ORDER BY n."createdAt", n."id")
          FROM "Note" n JOIN "User" na ON na."id" = n."authorId"
          WHERE n."referralId" = r."id" AND (n."visibility" = 'TEAM' OR n."authorAgency" = $3::"Agency")) AS notes,
        (SELECT jsonb_agg(jsonb_build_object('event', to_jsonb(ce), 'actor', ca."displayName") ORDER BY ce."occurredAt", ce."id")
          FROM "ChronologyEvent" ce LEFT JOIN "User" ca ON ca."id" = ce."actorId" WHERE ce."referralId" = r."id") AS chronology
        FROM "Referral" r JOIN "Team" t ON t."id" = r."teamId" JOIN "Organisation" o ON o."id" = r."referrerOrganisationId"
        LEFT JOIN "ReferralChild" c ON c."referralId" = r."id" LEFT JOIN "InformationSharing" s ON s."referralId" = r."id"
        LEFT JOIN "User" a ON a."id" = r."assigneeId" LEFT JOIN "User" d ON d."id" = r."decidedById"
        WHERE r."id" = $1::uuid AND r."teamId" = $2::uuid`,
      values: [referralId, actor.teamId, actor.agency],
    });
    const row = rows[0];
    if (!row) throw new Error(`referral ${referralId} is not in the team`);
    await appendAudit(client, actor, {
      action: "referral.read",
      entityId: referralId,
      referralId,
      details: { audience: "team", notesShown: row.notes?.length ?? 0 },
    });
  });
}
