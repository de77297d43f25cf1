import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client.ts";
import type { AuditEntry } from "./service.ts";
import { hashedTextAround } from "./chain.ts";

/**
 * Facts the database works out in the statement that appends the entry (how many notes a read
 * showed, the reference a submission was given), keyed by their name in the entry's details:
 * SQL expressions over the statement's source row, each an integer or a text. A text must be
 * plain printable ASCII (a reference, a code), whose JSON PostgreSQL writes as JavaScript does.
 */
export type ComputedDetails = Readonly<Record<string, { readonly sql: Prisma.Sql; readonly type: "integer" | "text" }>>;

/** The value as JSON text, exactly as canonicalJson writes it. */
const jsonTextOf = ({ sql, type }: ComputedDetails[string]) =>
  type === "integer"
    ? Prisma.sql`coalesce((${sql})::bigint::text, 'null')`
    : Prisma.sql`coalesce(to_json((${sql})::text)::text, 'null')`;
const jsonOf = ({ sql, type }: ComputedDetails[string]) =>
  type === "integer" ? Prisma.sql`to_jsonb((${sql})::bigint)` : Prisma.sql`to_jsonb((${sql})::text)`;

/**
 * The statement that appends one entry to the chain: audit_chain_next() takes the chain's lock
 * and hands over the previous hash and the next id, and the hash is computed in the same
 * statement, so the serial section never waits for a round trip to the application.
 *
 * With a `source` (a CTE of the same statement, one row or none, and a column of it never null) the entry is appended once per
 * source row, after the source is read: a read and the entry that records it can then be one
 * statement, and an empty source (nothing found, nothing read) appends nothing.
 */
export function auditAppendSql(
  entry: AuditEntry,
  occurredAt: Date,
  source?: {
    readonly name: Prisma.Sql;
    readonly key: Prisma.Sql;
    readonly computed?: ComputedDetails;
    /** The entry's team, from the source row (a uuid expression), when the caller cannot know it. */
    readonly teamId?: Prisma.Sql;
  },
): Prisma.Sql {
  const computed = source?.computed ?? {};
  // Each computed fact stands in the hashed text as a marker no entry's own facts can contain.
  const marker = (key: string) => `computed:${key}:${randomUUID()}`;
  const markers = Object.fromEntries(Object.keys(computed).map((key) => [key, marker(key)]));
  const teamMarker = source?.teamId ? marker("teamId") : null;
  const fields = {
    occurredAt,
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    outcome: entry.outcome ?? "ALLOWED",
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    referralId: entry.referralId ?? null,
    teamId: teamMarker ?? entry.teamId ?? null,
    requestId: entry.requestId ?? null,
    details: { ...entry.details, ...markers },
  };
  const { before, after } = hashedTextAround(fields);
  const textOf = new Map(
    Object.entries(markers).map(([key, value]) => [JSON.stringify(value), jsonTextOf(computed[key]!)]),
  );
  if (teamMarker && source?.teamId)
    textOf.set(JSON.stringify(teamMarker), jsonTextOf({ sql: source.teamId, type: "text" }));
  const withComputed = (text: string): Prisma.Sql => {
    if (textOf.size === 0) return Prisma.sql`${text}`;
    const parts: Prisma.Sql[] = [];
    let last = 0;
    for (const found of text.matchAll(new RegExp([...textOf.keys()].join("|"), "g"))) {
      parts.push(Prisma.sql`${text.slice(last, found.index)}::text`, textOf.get(found[0])!);
      last = found.index + found[0].length;
    }
    parts.push(Prisma.sql`${text.slice(last)}::text`);
    return Prisma.sql`(${Prisma.join(parts, " || ")})`;
  };
  const staticDetails = JSON.stringify(entry.details ?? {});
  const details =
    Object.keys(computed).length === 0
      ? Prisma.sql`${staticDetails}::jsonb`
      : Prisma.sql`${staticDetails}::jsonb || jsonb_build_object(${Prisma.join(
          Object.entries(computed).map(([key, value]) => Prisma.sql`${key}::text, ${jsonOf(value)}`),
        )})`;
  const chain = source
    ? // LATERAL, and conditioned on the source row, so the lock is taken only once there is one.
      Prisma.sql`FROM ${source.name} CROSS JOIN LATERAL (SELECT * FROM "audit_chain_next"() WHERE ${source.key} IS NOT NULL) AS chain`
    : Prisma.sql`FROM "audit_chain_next"() AS chain`;
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("id", "occurredAt", "actorId", "actorRole", "action", "outcome", "entityType",
                              "entityId", "referralId", "teamId", "requestId", "details", "prevHash", "hash")
    SELECT chain."next_id", ${fields.occurredAt.toISOString()}::timestamptz, ${fields.actorId}::uuid,
           ${fields.actorRole}::"Role", ${fields.action}, ${fields.outcome}::"AuditOutcome", ${fields.entityType},
           ${fields.entityId}, ${fields.referralId}::uuid, ${source?.teamId ?? Prisma.sql`${entry.teamId ?? null}::uuid`}, ${fields.requestId},
           ${details}, chain."prev_hash",
           encode(sha256(convert_to(${withComputed(before)} || chain."prev_hash" || ${withComputed(after)}, 'UTF8')), 'hex')
      ${chain}`;
}
