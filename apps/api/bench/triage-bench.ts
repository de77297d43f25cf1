// The triage reads at volume: the team's queue (first page, and a page ~40 in) and the team's
// referral file, over real HTTP as signed-in triage members, each against two floors taken in
// the same run at the same concurrency: GET /api/health, and the database doing the same reads
// and audit writes through a plain pg client (triage-floors.ts).
//
//   pnpm bench -- [--referrals 1000000] [--data-dir <dir>]
//   --referrals   referrals in the database (default 1,000,000; fewer for a quick run)
//   --data-dir    keep the seeded cluster there and reuse it next time (seeding 1M takes a while)
import { join } from "node:path";
import { mkdir, writeFile } from "node:fs/promises";
import autocannon from "autocannon";
import { generateSecret } from "otplib";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { repoRoot } from "../src/config.ts";
import { createDatabaseClient } from "../src/db/client.ts";
import { migrate } from "../src/db/migrations.ts";
import { seedReferenceData } from "../src/db/seed/reference-data.ts";
import { seedVolume } from "../src/db/seed/volume.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
import type { QueuePosition } from "../src/modules/triage/queue-repository.ts";
import { createSecretBox } from "../src/security/encryption.ts";
import { testConfig } from "../src/testing/app.ts";
import { BenchClient, drive } from "./http-client.ts";
import {
  getter,
  openVolumeDatabase,
  percentile,
  round,
  runOnItsOwn,
  volumeOptions,
  type Line,
} from "./volume-harness.ts";
import { queuePageFloor, referralFileFloor, type FloorActor } from "./triage-floors.ts";

const CONNECTIONS = 10;
const LATENCY_SAMPLES = 300;
const THROUGHPUT_SECONDS = 5;
const DEEP_PAGES = 40;
const PAGE_SIZE = 25;
const PASSWORD = "bench password not secret";

interface Measured {
  medianMs: number;
  p95Ms: number;
  perSecond: number;
}

export interface TriageBenchReport {
  referrals: number;
  seedSeconds: number | null;
  openInTeam: number;
  rows: Record<string, { http: Measured; floor: Measured }>;
  health: Measured;
  healthAutocannonPerSecond: number;
}

async function latencies(task: () => Promise<void>): Promise<{ medianMs: number; p95Ms: number }> {
  for (let warm = 0; warm < 30; warm += 1) await task();
  const times: number[] = [];
  for (let sample = 0; sample < LATENCY_SAMPLES; sample += 1) {
    const begin = performance.now();
    await task();
    times.push(performance.now() - begin);
  }
  return { medianMs: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)) };
}

export async function runTriageBench(line: Line, args = process.argv.slice(2)): Promise<TriageBenchReport> {
  const { referrals, dataDir } = volumeOptions(args);
  const database = await openVolumeDatabase(dataDir, "cse_triage_bench");
  const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
  // Stopping the server at the end ends any connection the pool still holds; that is expected.
  pool.on("error", () => undefined);
  const db = createDatabaseClient({ url: database.url, maxConnections: 20 });
  const config = testConfig({ LOG_LEVEL: "warn", SIGN_IN_MAX_PER_ADDRESS: "1000000" });
  const encryptionKey = Buffer.from(config.encryptionKey!, "base64");
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await migrate(database.url);
    await seedReferenceData(db);
    const existing = await db.referral.count();
    let seedSeconds: number | null = null;
    if (existing < referrals) {
      const seeded = await seedVolume(database.url, {
        referrals: referrals - existing,
        append: existing > 0,
        onProgress: (p) =>
          process.stderr.write(`  seeding: ${p.referrals}/${p.total} (${Math.round(p.referrals / p.seconds)}/s)\r`),
      });
      seedSeconds = round(seeded.seconds);
      line(
        `seed ${seeded.referrals.toLocaleString("en-GB")} referrals`,
        `${seeded.seconds.toFixed(0)} s (${seeded.rows.toLocaleString("en-GB")} rows)`,
      );
    }
    const total = await db.referral.count();

    // Triage members of the busiest team, each with an authenticator, as the service requires.
    const team = await db.team.findUniqueOrThrow({ where: { code: "leeds" } });
    const organisation = await db.organisation.upsert({
      where: { name: "Bench organisation (social care)" },
      create: { name: "Bench organisation (social care)", agency: "SOCIAL_CARE" },
      update: {},
    });
    const passwordHash = await hashPassword(PASSWORD);
    const secretBox = createSecretBox(encryptionKey);
    const members = await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, index) => {
        const totpSecret = generateSecret();
        const data = {
          displayName: `Bench triage ${index}`,
          role: "TRIAGE" as const,
          status: "ACTIVE" as const,
          organisationId: organisation.id,
          teamId: team.id,
          passwordHash,
          totpSecret: secretBox.seal(totpSecret),
          totpEnabledAt: new Date(),
          totpLastStep: null,
        };
        const email = `bench.triage.${index}@bench.example`;
        const user = await db.user.upsert({ where: { email }, create: { email, ...data }, update: data });
        return { user, totpSecret };
      }),
    );
    const actors: FloorActor[] = members.map(({ user }) => ({ id: user.id, teamId: team.id, agency: "SOCIAL_CARE" }));
    const openInTeam = await db.referral.count({ where: { teamId: team.id, status: { not: "DECIDED" } } });
    line(
      "referrals / open in the Leeds queue",
      `${total.toLocaleString("en-GB")} / ${openInTeam.toLocaleString("en-GB")}`,
    );

    app = await buildApp({ config, db, secrets: { sessionSecret: config.sessionSecret!, encryptionKey } });
    const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
    const clients = await Promise.all(
      members.map(async ({ user, totpSecret }) => {
        const client = new BenchClient(baseUrl);
        await client.signIn(user.email, PASSWORD, totpSecret);
        return client;
      }),
    );
    const gets = clients.map((client) => getter(baseUrl, client.cookieHeader));

    // Follow the queue ~40 pages in (fewer on a small quick run); the deep page is the next one.
    const queuePath = `/api/referrals?scope=team&limit=${PAGE_SIZE}`;
    let cursor: string | null = null;
    let followed = 0;
    const fileIds: string[] = [];
    for (; followed < DEEP_PAGES; followed += 1) {
      const { status, json } = await clients[0]!.request("GET", cursor ? `${queuePath}&cursor=${cursor}` : queuePath);
      if (status !== 200) throw new Error(`queue page ${followed + 1}: ${status}`);
      const body = json as { items: { id: string }[]; nextCursor: string | null };
      fileIds.push(...body.items.map((item) => item.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    if (!cursor) throw new Error("The queue is too short for a deep page: set BENCH_REFERRALS higher.");
    const deepPath = `${queuePath}&cursor=${cursor}`;
    const [segment, risk, dueAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [
      0 | 1,
      QueuePosition["risk"],
      string,
      string,
    ];
    const deepPosition: QueuePosition = { segment, risk, decisionDueAt: new Date(dueAt), id };

    const floorClients = await Promise.all(actors.map(() => pool.connect()));
    try {
      let next = 0;
      const nextFile = () => fileIds[(next += 1) % fileIds.length]!;
      const cases: [string, (worker: number) => Promise<void>, (worker: number) => Promise<void>][] = [
        [
          "queue, first page",
          (w) => gets[w]!(queuePath),
          async (w) => void (await queuePageFloor(floorClients[w]!, actors[w]!, null, PAGE_SIZE)),
        ],
        [
          `queue, page ${followed + 1}`,
          (w) => gets[w]!(deepPath),
          async (w) => void (await queuePageFloor(floorClients[w]!, actors[w]!, deepPosition, PAGE_SIZE)),
        ],
        [
          "referral file (audited read)",
          (w) => gets[w]!(`/api/referrals/${nextFile()}`),
          (w) => referralFileFloor(floorClients[w]!, actors[w]!, nextFile()),
        ],
      ];

      const measure = async (task: (worker: number) => Promise<void>): Promise<Measured> => {
        const latency = await latencies(() => task(0));
        const throughput = await drive(CONNECTIONS, { durationMs: THROUGHPUT_SECONDS * 1000 }, (worker) =>
          task(worker),
        );
        return { ...latency, perSecond: Math.round(throughput.perSecond) };
      };
      const autocannonHealth = await autocannon({
        url: `${baseUrl}/api/health`,
        connections: CONNECTIONS,
        duration: THROUGHPUT_SECONDS,
      });
      const report: TriageBenchReport = {
        referrals: total,
        seedSeconds,
        openInTeam,
        // Through the same client as the reads, so the ratios compare like with like.
        health: await measure((w) => gets[w]!("/api/health")),
        healthAutocannonPerSecond: Math.round(autocannonHealth.requests.average),
        rows: {},
      };
      for (const [name, http, floor] of cases)
        report.rows[name] = { http: await measure(http), floor: await measure(floor) };
      printTable(line, report);
      await writeMarkdown(report);
      return report;
    } finally {
      for (const client of floorClients) client.release();
    }
  } finally {
    await app?.close();
    await pool.end();
    await db.$disconnect();
    await database.stop();
  }
}

function printTable(line: Line, report: TriageBenchReport) {
  const { health } = report;
  line(
    "GET /api/health",
    `median ${health.medianMs} ms, p95 ${health.p95Ms} ms; ${health.perSecond}/s at ${CONNECTIONS} (autocannon ${report.healthAutocannonPerSecond}/s)`,
  );
  for (const [name, { http, floor }] of Object.entries(report.rows)) {
    line(`${name}: HTTP`, `median ${http.medianMs} ms, p95 ${http.p95Ms} ms; ${http.perSecond}/s at ${CONNECTIONS}`);
    line(
      `${name}: database floor`,
      `median ${floor.medianMs} ms, p95 ${floor.p95Ms} ms; ${floor.perSecond}/s at ${CONNECTIONS}`,
    );
    line(
      `${name}: share`,
      `${((100 * http.perSecond) / floor.perSecond).toFixed(0)}% of its floor, ${((100 * http.perSecond) / health.perSecond).toFixed(1)}% of /api/health`,
    );
  }
}

async function writeMarkdown(report: TriageBenchReport) {
  const rows = Object.entries(report.rows).map(
    ([name, { http, floor }]) =>
      `| ${name} | ${http.medianMs} | ${http.p95Ms} | ${http.perSecond} | ${floor.medianMs} | ${floor.p95Ms} | ${floor.perSecond} | ${((100 * http.perSecond) / floor.perSecond).toFixed(0)}% |`,
  );
  const text = [
    `# Triage reads at ${report.referrals.toLocaleString("en-GB")} referrals`,
    "",
    `${report.openInTeam.toLocaleString("en-GB")} open referrals in the Leeds queue. Latency: ${LATENCY_SAMPLES} sequential requests on 1 connection;`,
    `throughput: ${CONNECTIONS} connections for ${THROUGHPUT_SECONDS} s. Targets (issue 7): queue p95 under 20 ms; each read at 50% or more of its floor.`,
    "",
    "| Read | HTTP median ms | HTTP p95 ms | HTTP /s | floor median ms | floor p95 ms | floor /s | HTTP / floor |",
    "|---|---|---|---|---|---|---|---|",
    `| GET /api/health (autocannon: ${report.healthAutocannonPerSecond}/s) | ${report.health.medianMs} | ${report.health.p95Ms} | ${report.health.perSecond} | | | | |`,
    ...rows,
    "",
  ].join("\n");
  const dir = join(repoRoot, "bench-results");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "triage.md"), text);
}

// Runs on its own too: pnpm --filter @cse/api bench:triage
if (import.meta.url === `file://${process.argv[1]}`) await runOnItsOwn("triage", (line) => runTriageBench(line));
