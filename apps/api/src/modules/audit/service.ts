import type { Database, Transaction } from "../../db/client.ts";
import type { AuditOutcome, Role } from "../../generated/prisma/enums.ts";
import { auditAppendSql } from "./append-sql.ts";
import { verifyAuditTrail } from "./verification.ts";

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
  /**
   * Appends one entry in a single statement: audit_chain_next() takes the chain's lock and
   * hands over the previous hash and the next id, and the hash is computed in the same
   * statement. The lock is held until the caller's transaction ends, so make this the last
   * statement of the transaction: whatever runs after it is serial for every audited request.
   */
  async function record(tx: Transaction, entry: AuditEntry): Promise<void> {
    await append(tx, entry);
  }

  /** On its own connection the statement is its own transaction, so the lock ends with it. */
  async function append(client: Transaction | Database, entry: AuditEntry): Promise<void> {
    await client.$executeRaw(auditAppendSql(entry, new Date()));
  }

  return {
    record,

    /** Records on its own, for events that change nothing else (a refused access, a sign-in failure). */
    async recordAlone(entry: AuditEntry): Promise<void> {
      await append(db, entry);
    },

    /** Walks the whole chain in order, recomputing every hash (checkpoints: verification.ts). */
    async verifyChain(batchSize = 1000): Promise<ChainVerification> {
      const result = await verifyAuditTrail(db, [], batchSize);
      return { entries: result.entries, brokenAt: result.firstBadId };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
