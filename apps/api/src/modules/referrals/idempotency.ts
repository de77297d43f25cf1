import type { Database, Transaction } from "../../db/client.ts";
import { DomainError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { canonicalJson, sha256Hex } from "../../security/hashing.ts";

/** How long a key is remembered: long enough for any client's retries. */
const RETENTION_MS = 24 * 60 * 60 * 1000;

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

/** The same request always gives the same hash, whatever the order of its keys. */
export function requestHash(body: unknown): string {
  return sha256Hex(canonicalJson(body));
}

/**
 * Lets the work store its answer in its own last statement (one round trip fewer while that
 * statement's locks are held): `sql` gives the UPDATE that stores `body` (a jsonb expression) as
 * the answer, for a data-modifying CTE. Work that does not use it has its answer stored after.
 */
export interface AnswerStore {
  sql(body: Prisma.Sql): Prisma.Sql;
}

export interface IdempotentResult<T> {
  readonly status: number;
  readonly body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  readonly replayed: boolean;
}

/**
 * Runs `work` at most once per (user, key): a retry with the same body gets the first answer,
 * a retry while the first is still running gets 409, and the same key with a different body 422.
 * The answer is stored in the same transaction as the work, so the two cannot disagree.
 */
export function createIdempotency(
  db: Database,
  /** A claim older than this belongs to a request that died mid-flight; a retry may take it over. */
  abandonedAfterMs: number,
) {
  async function claim(userId: string, key: string, hash: string): Promise<boolean> {
    const expiresAt = new Date(Date.now() + RETENTION_MS);
    const inserted = await db.$executeRaw`
      INSERT INTO "IdempotencyRecord" ("userId", "key", "requestHash", "status", "createdAt", "expiresAt")
      VALUES (${userId}::uuid, ${key}, ${hash}, 'IN_PROGRESS', now(), ${expiresAt})
      ON CONFLICT ("userId", "key") DO NOTHING`;
    return inserted === 1;
  }

  async function resolveExisting<T>(
    userId: string,
    key: string,
    hash: string,
  ): Promise<IdempotentResult<T> | "reclaimed"> {
    const existing = await db.idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });
    if (!existing) return (await claim(userId, key, hash)) ? "reclaimed" : resolveExisting(userId, key, hash);
    if (existing.requestHash !== hash) throw new DomainError("idempotency-key-reused");
    if (existing.status === "COMPLETED") {
      return { status: existing.responseStatus ?? 200, body: existing.responseBody as T, replayed: true };
    }
    const takenOver = await db.idempotencyRecord.updateMany({
      where: { userId, key, status: "IN_PROGRESS", createdAt: { lt: new Date(Date.now() - abandonedAfterMs) } },
      data: { createdAt: new Date() },
    });
    if (takenOver.count === 1) return "reclaimed";
    throw new DomainError(
      "idempotency-in-progress",
      "Your first attempt is still being processed. Wait a moment and check your referrals before trying again.",
    );
  }

  return {
    async execute<T extends Prisma.InputJsonObject>(
      userId: string,
      key: string,
      hash: string,
      status: number,
      work: (tx: Transaction, answer: AnswerStore) => Promise<T>,
    ): Promise<IdempotentResult<T>> {
      if (!(await claim(userId, key, hash))) {
        const existing = await resolveExisting<T>(userId, key, hash);
        if (existing !== "reclaimed") return existing;
      }
      try {
        const body = await db.$transaction(
          async (tx) => {
            let stored = false;
            const result = await work(tx, {
              sql(body) {
                stored = true;
                return Prisma.sql`UPDATE "IdempotencyRecord" SET "status" = 'COMPLETED', "responseStatus" = ${status},
                  "responseBody" = ${body} WHERE "userId" = ${userId}::uuid AND "key" = ${key}`;
              },
            });
            if (!stored) {
              await tx.idempotencyRecord.update({
                where: { userId_key: { userId, key } },
                data: { status: "COMPLETED", responseStatus: status, responseBody: result },
              });
            }
            return result;
          },
          { timeout: 15_000, maxWait: 10_000 },
        );
        return { status, body, replayed: false };
      } catch (error) {
        // Nothing was stored, so the key is free for a retry.
        await db.idempotencyRecord.deleteMany({ where: { userId, key, status: "IN_PROGRESS" } });
        throw error;
      }
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;
