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

/** SHA-256 over the entry's content and the previous entry's hash. */
export function hashAuditEntry(fields: ChainedFields): string {
  // Name each field: a stored row carries more (its id, its own hash) that must not count.
  const content = {
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
    prevHash: fields.prevHash,
  };
  return sha256Hex(canonicalJson(content));
}
