import type { Database, Transaction } from "../../db/client.ts";
import type { AuditOutcome, Role } from "../../generated/prisma/enums.ts";
import { GENESIS_HASH, hashAuditEntry } from "./chain.ts";

/** Any 32-bit key shared by every writer: appends to the chain take it in turn. */
const AUDIT_CHAIN_LOCK_KEY = 0x41554454; // "AUDT"

export interface AuditActor {
  readonly id: string;
  readonly role: Role;
}

/** Plain JSON facts, so what is hashed is exactly what is stored. */
export type AuditDetails = { readonly [key: string]: string | number | boolean | null | readonly string[] };

export interface AuditEntry {
  readonly actor: AuditActor | null;
  /** What was done, as `<thing>.<verb>`: "referral.read", "auth.sign-in", "user.disable". */
  readonly action: string;
  readonly outcome?: AuditOutcome;
  readonly entityType: string;
  readonly entityId?: string | null;
  readonly referralId?: string | null;
  readonly teamId?: string | null;
  readonly requestId?: string | null;
  /** Facts about the event; never free text a person typed about a child. */
  readonly details?: AuditDetails;
}

export interface ChainVerification {
  readonly entries: number;
  /** The first entry whose hash does not follow from the one before, if any. */
  readonly brokenAt: bigint | null;
}

/**
 * The tamper-evident audit trail. Entries are appended inside the caller's transaction, so an
 * entry exists exactly when the change (or read) it describes happened.
 */
export function createAuditService(db: Database) {
  async function record(tx: Transaction, entry: AuditEntry): Promise<void> {
    // Serialise appends so each entry chains to the one committed before it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`;
    const previous = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
    const fields = {
      occurredAt: new Date(),
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      outcome: entry.outcome ?? "ALLOWED",
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      referralId: entry.referralId ?? null,
      teamId: entry.teamId ?? null,
      requestId: entry.requestId ?? null,
      details: entry.details ?? {},
      prevHash: previous?.hash ?? GENESIS_HASH,
    };
    await tx.auditEvent.create({
      data: {
        ...fields,
        actorRole: entry.actor?.role ?? null,
        details: fields.details,
        hash: hashAuditEntry(fields),
      },
    });
  }

  return {
    record,

    /** Records on its own, for events that change nothing else (a refused access, a sign-in failure). */
    async recordAlone(entry: AuditEntry): Promise<void> {
      await db.$transaction((tx) => record(tx, entry));
    },

    /** Walks the whole chain in order, recomputing every hash. */
    async verifyChain(batchSize = 1000): Promise<ChainVerification> {
      let prevHash = GENESIS_HASH;
      let cursor: bigint | undefined;
      let entries = 0;
      for (;;) {
        const batch = await db.auditEvent.findMany({
          orderBy: { id: "asc" },
          take: batchSize,
          ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
        });
        for (const event of batch) {
          const expected = hashAuditEntry({ ...event, details: event.details, prevHash });
          if (event.prevHash !== prevHash || event.hash !== expected) return { entries, brokenAt: event.id };
          prevHash = event.hash;
          entries += 1;
        }
        if (batch.length < batchSize) return { entries, brokenAt: null };
        cursor = batch[batch.length - 1]!.id;
      }
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
