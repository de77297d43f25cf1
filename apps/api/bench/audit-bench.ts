// The audit lock's effect on throughput: audited reads and submissions over real HTTP, alone
// and with ten at once. Every audited transaction appends to one hash chain, so these are the
// figures that show how long the chain's serial section is.
import { EXAMPLE_REFERRAL_SUBMISSION } from "@cse/contracts";
import type { Database } from "../src/db/client.ts";
import { type BenchClient, drive } from "./http-client.ts";

export interface AuditBenchContext {
  readonly db: Database;
  /** Signed-in referrers, each with at least one referral of their own. */
  readonly clients: readonly BenchClient[];
  readonly referrerIds: readonly string[];
  readonly line: (label: string, value: string) => void;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

async function timed(latencies: number[], request: () => Promise<{ status: number }>, expected: number) {
  const begin = performance.now();
  const { status } = await request();
  latencies.push(performance.now() - begin);
  if (status !== expected) throw new Error(`expected ${expected}, got ${status}`);
}

export async function auditBench({ db, clients, referrerIds, line }: AuditBenchContext) {
  const referralIds = await Promise.all(
    referrerIds.map(
      async (referrerId) => (await db.referral.findFirstOrThrow({ where: { referrerId }, select: { id: true } })).id,
    ),
  );
  const read = (worker: number) => () => clients[worker]!.request("GET", `/api/referrals/${referralIds[worker]}`);
  const submit = (worker: number, index: number) => () =>
    clients[worker]!.request("POST", "/api/referrals", EXAMPLE_REFERRAL_SUBMISSION, {
      "idempotency-key": `audit-bench-${index}-${Date.now()}`,
    });

  const aloneReads: number[] = [];
  await drive(1, { total: 200 }, (worker) => timed(aloneReads, read(worker), 200));
  const concurrentReads: number[] = [];
  const reads = await drive(clients.length, { durationMs: 5_000 }, (worker) =>
    timed(concurrentReads, read(worker), 200),
  );
  const aloneSubmissions: number[] = [];
  await drive(1, { total: 50 }, (worker, index) => timed(aloneSubmissions, submit(worker, index), 201));
  const concurrentSubmissions: number[] = [];
  const submissions = await drive(clients.length, { total: 300 }, (worker, index) =>
    timed(concurrentSubmissions, submit(worker, 1000 + index), 201),
  );

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const figures = {
    readAloneP50Ms: Number(percentile(aloneReads, 0.5).toFixed(1)),
    readsConcurrentPerSecond: Number(reads.perSecond.toFixed(1)),
    readConcurrentP50Ms: Number(percentile(concurrentReads, 0.5).toFixed(1)),
    submissionAloneP50Ms: Number(percentile(aloneSubmissions, 0.5).toFixed(1)),
    submissionsConcurrentPerSecond: Number(submissions.perSecond.toFixed(1)),
    submissionConcurrentP50Ms: Number(percentile(concurrentSubmissions, 0.5).toFixed(1)),
  };
  line("audited read, one reader, p50", ms(figures.readAloneP50Ms));
  line(
    `audited reads, ${clients.length} readers`,
    `${figures.readsConcurrentPerSecond}/s (p50 ${ms(figures.readConcurrentP50Ms)})`,
  );
  line("submission, one referrer, p50", ms(figures.submissionAloneP50Ms));
  line(
    `submissions, ${clients.length} referrers`,
    `${figures.submissionsConcurrentPerSecond}/s (p50 ${ms(figures.submissionConcurrentP50Ms)})`,
  );
  return figures;
}
