import type { Database } from "../../db/client.ts";
import { GENESIS_HASH, hashAuditEntry } from "./chain.ts";
import type { Checkpoint } from "./checkpoints.ts";

export interface AuditVerification {
  /** Entries walked, in id order. */
  readonly entries: number;
  /** Checkpoints the chain still matches. */
  readonly checkpointsMatched: number;
  /** The first entry that cannot be vouched for, or null when all is well. */
  readonly firstBadId: bigint | null;
  readonly problem: string | null;
  /** Entries after the latest checkpoint: vouched for by the hash chain alone. */
  readonly afterLatestCheckpoint: number;
}

interface Seen {
  readonly position: number;
  readonly hash: string;
}

/**
 * Walks the chain in id order, recomputing every hash, and holds it against the signed
 * checkpoints. Three ways to tamper are caught:
 * - an entry changed without recomputing the rest: the hash chain breaks at that entry;
 * - an entry changed and every later hash recomputed: a checkpoint's entry no longer has the
 *   signed hash. Which entry since the previous checkpoint was changed cannot be known, so the
 *   first entry after the last checkpoint that still matches is reported;
 * - the newest entries removed: a checkpoint's entry is missing, and the first id after the
 *   last surviving entry is reported.
 */
export async function verifyAuditTrail(
  db: Database,
  checkpoints: readonly Checkpoint[],
  batchSize = 1000,
): Promise<AuditVerification> {
  const wanted = new Set(checkpoints.map((checkpoint) => checkpoint.id));
  const seen = new Map<string, Seen>();
  // For each checkpoint: the last entry at or before it, and the first entry after it.
  const lastUpTo: (bigint | null)[] = checkpoints.map(() => null);
  const firstAfter: (bigint | null)[] = checkpoints.map(() => null);
  const ordered = checkpoints.map((checkpoint, index) => ({ id: BigInt(checkpoint.id), index }));
  ordered.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index));

  let prevHash = GENESIS_HASH;
  let previousId: bigint | null = null;
  let firstId: bigint | null = null;
  let entries = 0;
  let next = 0;
  let broken: { id: bigint; problem: string } | null = null;
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
    });
    for (const event of batch) {
      while (next < ordered.length && ordered[next]!.id < event.id) {
        lastUpTo[ordered[next]!.index] = previousId;
        firstAfter[ordered[next]!.index] = event.id;
        next += 1;
      }
      const expected = hashAuditEntry({ ...event, details: event.details, prevHash });
      // Walk on past a break: a checkpoint further on may show an earlier rewrite.
      if (!broken && (event.prevHash !== prevHash || event.hash !== expected)) {
        broken = { id: event.id, problem: `entry ${event.id} does not follow from the entry before it` };
      }
      entries += 1;
      firstId ??= event.id;
      if (wanted.has(event.id.toString())) seen.set(event.id.toString(), { position: entries, hash: event.hash });
      prevHash = event.hash;
      previousId = event.id;
    }
    if (batch.length < batchSize) break;
    cursor = batch[batch.length - 1]!.id;
  }
  for (; next < ordered.length; next += 1) lastUpTo[ordered[next]!.index] = previousId;

  let matched = 0;
  let vouchedUpTo = 0;
  for (const [index, checkpoint] of checkpoints.entries()) {
    const checkpointId = BigInt(checkpoint.id);
    const entry = seen.get(checkpoint.id);
    if (entry && entry.hash === checkpoint.hash && entry.position === checkpoint.count) {
      matched += 1;
      vouchedUpTo = entry.position;
      continue;
    }
    const previous = index === 0 ? null : checkpoints[index - 1]!;
    const failure = entry
      ? {
          id: previous ? (firstAfter[index - 1] ?? checkpointId) : (firstId ?? checkpointId),
          problem:
            `entry ${checkpoint.id} no longer matches the checkpoint signed at ${checkpoint.at}: ` +
            `an entry ${previous ? `after ${previous.id}` : "from the first"} up to ${checkpoint.id} was rewritten`,
        }
      : {
          id: (lastUpTo[index] ?? 0n) + 1n,
          problem:
            `entry ${checkpoint.id}, signed at ${checkpoint.at} as entry number ${checkpoint.count}, is missing: ` +
            `entries after ${lastUpTo[index] ?? "the start"} were removed`,
        };
    const first = broken && broken.id < failure.id ? broken : failure;
    return {
      entries,
      checkpointsMatched: matched,
      firstBadId: first.id,
      problem: first.problem,
      afterLatestCheckpoint: 0,
    };
  }
  if (broken) {
    return {
      entries,
      checkpointsMatched: matched,
      firstBadId: broken.id,
      problem: broken.problem,
      afterLatestCheckpoint: 0,
    };
  }
  return {
    entries,
    checkpointsMatched: matched,
    firstBadId: null,
    problem: null,
    afterLatestCheckpoint: entries - vouchedUpTo,
  };
}
