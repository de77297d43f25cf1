import { createHmac, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { canonicalJson } from "../../security/hashing.ts";

/**
 * The chain's head, written outside the database and signed with a key the database never
 * holds. Whoever can rewrite the table can recompute every hash in it, but cannot forge these:
 * a rewrite up to the latest checkpoint, or a cut tail, no longer matches a signed head.
 */
export interface ChainHead {
  /** The newest entry's id, as a string (ids are 64-bit). */
  readonly id: string;
  readonly hash: string;
  /** Entries in the chain up to and including that one. */
  readonly count: number;
}

export interface Checkpoint extends ChainHead {
  readonly at: string;
  readonly mac: string;
}

const checkpointSchema = z.object({
  at: z.string(),
  id: z.string().regex(/^\d+$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  count: z.number().int().nonnegative(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

function macOf(key: Buffer, checkpoint: Omit<Checkpoint, "mac">): string {
  const signed = { at: checkpoint.at, id: checkpoint.id, hash: checkpoint.hash, count: checkpoint.count };
  return createHmac("sha256", key).update(canonicalJson(signed), "utf8").digest("hex");
}

export function signCheckpoint(key: Buffer, head: ChainHead, at: Date): Checkpoint {
  const unsigned = { at: at.toISOString(), id: head.id, hash: head.hash, count: head.count };
  return { ...unsigned, mac: macOf(key, unsigned) };
}

/** The newest entry and the count up to it, read in one snapshot. */
export async function readChainHead(db: Database): Promise<ChainHead | null> {
  // Ids are drawn under the chain's lock, so no entry with a lower id can commit after this read.
  const rows = await db.$queryRaw<{ id: bigint; hash: string; count: bigint }[]>`
    SELECT head."id", head."hash", (SELECT count(*) FROM "AuditEvent" WHERE "id" <= head."id") AS "count"
      FROM (SELECT "id", "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1) AS head`;
  const row = rows[0];
  return row ? { id: row.id.toString(), hash: row.hash, count: Number(row.count) } : null;
}

export interface CheckpointWriter {
  /** Appends a signed checkpoint of the current head, unless the head has not moved. */
  write(now?: Date): Promise<Checkpoint | null>;
}

export function createCheckpointWriter({
  db,
  key,
  file,
}: {
  db: Database;
  key: Buffer;
  file: string;
}): CheckpointWriter {
  let lastWritten: string | undefined;
  return {
    async write(now = new Date()) {
      const head = await readChainHead(db);
      if (!head || head.id === lastWritten) return null;
      const checkpoint = signCheckpoint(key, head, now);
      await mkdir(dirname(file), { recursive: true });
      // Append-only, flushed to disk before the job counts as done.
      const handle = await open(file, "a", 0o600);
      try {
        await handle.write(`${JSON.stringify(checkpoint)}\n`);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      lastWritten = head.id;
      return checkpoint;
    },
  };
}

export interface CheckpointFile {
  readonly checkpoints: Checkpoint[];
  /** Lines that are not checkpoints signed with our key, or that go backwards. */
  readonly problems: string[];
  readonly exists: boolean;
}

export async function readCheckpoints(file: string, key: Buffer): Promise<CheckpointFile> {
  if (!existsSync(file)) return { checkpoints: [], problems: [], exists: false };
  const checkpoints: Checkpoint[] = [];
  const problems: string[] = [];
  const lines = (await readFile(file, "utf8")).split("\n");
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let parsed: Checkpoint;
    try {
      parsed = checkpointSchema.parse(JSON.parse(line));
    } catch {
      problems.push(`checkpoint line ${index + 1} is not a checkpoint`);
      continue;
    }
    const expected = Buffer.from(macOf(key, parsed), "hex");
    if (!timingSafeEqual(expected, Buffer.from(parsed.mac, "hex"))) {
      problems.push(`checkpoint line ${index + 1} is not signed with this service's key`);
      continue;
    }
    const previous = checkpoints[checkpoints.length - 1];
    if (previous && (BigInt(parsed.id) < BigInt(previous.id) || parsed.count < previous.count)) {
      problems.push(`checkpoint line ${index + 1} goes back from entry ${previous.id} to ${parsed.id}`);
      continue;
    }
    checkpoints.push(parsed);
  }
  return { checkpoints, problems, exists: true };
}
