import { canonicalJson, sha256Hex } from "../../security/hashing.ts";

/** The hash before the first entry. */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  readonly occurredAt: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly outcome: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly referralId: string | null;
  readonly teamId: string | null;
  readonly requestId: string | null;
  readonly details: unknown;
  readonly prevHash: string;
}

// Name each field: a stored row carries more (its id, its own hash) that must not count.
function contentOf(fields: Omit<ChainedFields, "prevHash">) {
  return {
    occurredAt: fields.occurredAt.toISOString(),
    actorId: fields.actorId,
    actorRole: fields.actorRole,
    action: fields.action,
    outcome: fields.outcome,
    entityType: fields.entityType,
    entityId: fields.entityId,
    referralId: fields.referralId,
    teamId: fields.teamId,
    requestId: fields.requestId,
    details: fields.details,
  };
}

/** SHA-256 over the entry's content and the previous entry's hash. */
export function hashAuditEntry(fields: ChainedFields): string {
  return sha256Hex(canonicalJson({ ...contentOf(fields), prevHash: fields.prevHash }));
}

/**
 * The text hashAuditEntry hashes, split where the previous hash goes: the database appends an
 * entry by hashing `before || prevHash || after` in the same statement that reads prevHash, so
 * the chain's serial section never waits for a round trip to the application.
 */
export function hashedTextAround(fields: Omit<ChainedFields, "prevHash">): { before: string; after: string } {
  const entries = Object.entries(contentOf(fields));
  // canonicalJson orders keys by code unit, so "prevHash" sits between these two groups.
  const head = canonicalJson(Object.fromEntries(entries.filter(([key]) => key < "prevHash")));
  const tail = canonicalJson(Object.fromEntries(entries.filter(([key]) => key > "prevHash")));
  return {
    before: `${head.slice(0, -1)}${head === "{}" ? "" : ","}"prevHash":"`,
    after: `"${tail === "{}" ? "" : ","}${tail.slice(1)}`,
  };
}
