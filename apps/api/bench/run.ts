// pnpm bench: the service's costs, measured on this machine, each against a baseline taken
// in the same run (a trivial route), so results compare across machines and runs.
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EXAMPLE_REFERRAL_SUBMISSION } from "@cse/contracts";
import autocannon from "autocannon";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { repoRoot } from "../src/config.ts";
import { createDatabaseClient } from "../src/db/client.ts";
import { migrate } from "../src/db/migrations.ts";
import { startScratchDatabase } from "../src/db/scratch.ts";
import { seedReferenceData } from "../src/db/seed/reference-data.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
import { testConfig } from "../src/testing/app.ts";
import { auditBench } from "./audit-bench.ts";
import { BenchClient, drive } from "./http-client.ts";
import { benchRecorder } from "./markdown-report.ts";
import { submissionFloor, submissionTemplate } from "./submission-floor.ts";
import { runDashboardBench } from "./dashboard-bench.ts";
import { runLinksBench } from "./links-bench.ts";
import { runTriageBench } from "./triage-bench.ts";

const CONCURRENCY = 10;
const PASSWORD = "bench password not secret";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const report: Record<string, unknown> = { node: process.version, when: new Date().toISOString() };
  const recorder = benchRecorder((label, value) => process.stdout.write(`${label.padEnd(52)} ${value}\n`));
  const { line } = recorder;

  // 0. A production build of the web app (vite build's default mode), made first so that it
  // loads nothing measured below, and so the sizes are never those of whatever build (a test
  // build, say) happens to be on disk.
  const build = spawnSync("pnpm", ["--filter", "@cse/web", "run", "build"], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) throw new Error("The production build of the web app failed: see above.");

  // 1. The cost of one password hash at our argon2id parameters.
  const hashTimes: number[] = [];
  for (let run = 0; run < 15; run += 1) {
    const start = performance.now();
    await hashPassword(`password-${run}-${PASSWORD}`);
    hashTimes.push(performance.now() - start);
  }
  const hashMs = Number(median(hashTimes).toFixed(1));
  report.argon2idHashMs = hashMs;
  line("argon2id hash (19 MiB, t=2, p=1), median", `${hashMs} ms`);

  // The real service, on a real port, with its own PostgreSQL.
  const database = await startScratchDatabase("cse_bench");
  await migrate(database.url);
  const config = testConfig({ LOG_LEVEL: "warn", SIGN_IN_MAX_PER_ADDRESS: "1000000" });
  const db = createDatabaseClient({ url: database.url, maxConnections: 20 });
  await seedReferenceData(db);
  const organisation = await db.organisation.create({ data: { name: "Bench organisation", agency: "HEALTH" } });
  const passwordHash = await hashPassword(PASSWORD);
  const referrers = await Promise.all(
    Array.from({ length: CONCURRENCY }, (_, index) =>
      db.user.create({
        data: {
          email: `bench.${index}@bench.example`,
          displayName: `Bench ${index}`,
          role: "REFERRER",
          status: "ACTIVE",
          organisationId: organisation.id,
          passwordHash,
        },
      }),
    ),
  );
  const encryptionKey = Buffer.from(config.encryptionKey!, "base64");
  const app = await buildApp({ config, db, secrets: { sessionSecret: config.sessionSecret!, encryptionKey } });
  const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });

  try {
    // 2. Baseline: the cheapest route, through the same plugins (headers, sessions, CSRF, access).
    const baseline = await autocannon({ url: `${baseUrl}/api/health`, connections: CONCURRENCY, duration: 5 });
    const baselineRps = baseline.requests.average;
    report.baselineHealthRps = Math.round(baselineRps);
    line("baseline: GET /api/health", `${Math.round(baselineRps)} req/s (p99 ${baseline.latency.p99} ms)`);

    // 3. Sign-in: a fresh browser each time (CSRF token, then password), as people do.
    const signIns = await drive(CONCURRENCY, { durationMs: 8_000 }, async (worker) => {
      await new BenchClient(baseUrl).signIn(referrers[worker]!.email, PASSWORD);
    });
    report.signInsPerSecond = Number(signIns.perSecond.toFixed(1));
    line(
      "sign-ins (csrf + argon2id verify + session)",
      `${signIns.perSecond.toFixed(1)} /s  (ratio to baseline ${(signIns.perSecond / baselineRps).toFixed(4)})`,
    );

    // 3b. A wrong password and an unknown account should take the same time, so timing does
    // not reveal which addresses have accounts (4 tries per address stays under the lockout).
    const failedSignInMs = async (email: string) => {
      const client = new BenchClient(baseUrl);
      await client.request("GET", "/api/auth/csrf");
      const begin = performance.now();
      const { status } = await client.request("POST", "/api/auth/login", {
        email,
        password: "not the password at all",
      });
      if (status !== 401) throw new Error(`expected 401, got ${status}`);
      return performance.now() - begin;
    };
    // Interleaved, so warm-up and background noise fall on both alike.
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (const [index, referrer] of referrers.flatMap((user) => Array.from({ length: 4 }, () => user)).entries()) {
      knownTimes.push(await failedSignInMs(referrer.email));
      unknownTimes.push(await failedSignInMs(`nobody.${index}@bench.example`));
    }
    const wrongPasswordMs = median(knownTimes);
    const unknownAccountMs = median(unknownTimes);
    report.failedSignInMedianMs = {
      wrongPassword: Number(wrongPasswordMs.toFixed(1)),
      unknownAccount: Number(unknownAccountMs.toFixed(1)),
    };
    line("failed sign-in, median: wrong password", `${wrongPasswordMs.toFixed(1)} ms`);
    line(
      "failed sign-in, median: unknown account",
      `${unknownAccountMs.toFixed(1)} ms (ratio ${(unknownAccountMs / wrongPasswordMs).toFixed(2)})`,
    );

    // 4. 1,000 referrals through the API, each in its one transaction.
    const clients = await Promise.all(
      referrers.map(async (referrer) => {
        const client = new BenchClient(baseUrl);
        await client.signIn(referrer.email, PASSWORD);
        return client;
      }),
    );
    const submissions = await drive(CONCURRENCY, { total: 1000 }, async (worker, index) => {
      const { status } = await clients[worker]!.request("POST", "/api/referrals", EXAMPLE_REFERRAL_SUBMISSION, {
        "idempotency-key": `bench-${index}-${Date.now()}`,
      });
      if (status !== 201) throw new Error(`submission ${index} failed: ${status}`);
    });
    report.thousandReferralsSeconds = Number(submissions.seconds.toFixed(2));
    report.referralsPerSecond = Number(submissions.perSecond.toFixed(1));
    line(
      "1,000 referral submissions",
      `${submissions.seconds.toFixed(2)} s (${submissions.perSecond.toFixed(1)}/s; ratio to baseline ${(submissions.perSecond / baselineRps).toFixed(4)})`,
    );
    const stored = await db.referral.count();
    const audited = await db.auditEvent.count({ where: { action: "referral.submit" } });
    line("stored / audited", `${stored} referrals, ${audited} audit entries`);

    // 4a. Its database floor: the same writes by a plain pg client, at the same concurrency.
    {
      const pool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY });
      try {
        const floorClients = await Promise.all(Array.from({ length: CONCURRENCY }, () => pool.connect()));
        const sample = await db.referral.findFirstOrThrow({ select: { id: true, teamId: true } });
        const template = await submissionTemplate(floorClients[0]!, sample.id);
        const floor = await drive(CONCURRENCY, { total: 1000 }, async (worker, index) => {
          const referrer = referrers[worker]!;
          await submissionFloor(
            floorClients[worker]!,
            { id: referrer.id, teamId: sample.teamId, agency: "HEALTH" },
            template,
            `floor-${index}-${Date.now()}`,
          );
        });
        for (const client of floorClients) client.release();
        const share = submissions.perSecond / floor.perSecond;
        report.submissionFloorPerSecond = Number(floor.perSecond.toFixed(1));
        report.submissionShareOfFloor = Number(share.toFixed(3));
        line("1,000 submissions: database floor", `${floor.seconds.toFixed(2)} s (${floor.perSecond.toFixed(1)}/s)`);
        line("submission: share of its floor", `${(share * 100).toFixed(0)}%`);
      } finally {
        await pool.end();
      }
    }

    // 4b. The audit chain's serial section: audited reads and submissions, alone and ten at once.
    report.auditLock = await auditBench({
      db,
      clients,
      referrerIds: referrers.map((referrer) => referrer.id),
      line,
    });

    // 5. What the browser downloads, from the production build made at the start.
    {
      const sizes = (await import(join(repoRoot, "apps/web/scripts/journey-size.mjs"))) as {
        journeySizes: () => Record<string, { files: number; gzipBytes: number }>;
      };
      report.javascriptGzipBytes = sizes.journeySizes();
      for (const [journey, size] of Object.entries(sizes.journeySizes()))
        line(
          `JavaScript for the ${journey} (gzip)`,
          `${(size.gzipBytes / 1024).toFixed(1)} KiB in ${size.files} files`,
        );
    }
  } finally {
    await app.close();
    await db.$disconnect();
    await database.stop();
  }

  // 6. The triage reads at volume (--referrals, default 1,000,000; --data-dir keeps the seeded data).
  report.triage = await runTriageBench(line);
  report.dashboard = await runDashboardBench(line);
  // 7. Links at the same volume, on the same data (--data-dir): computation and the links read.
  report.links = await runLinksBench(line);

  const dir = join(repoRoot, "bench-results");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, "report.md"), recorder.markdown("pnpm bench"));
  process.stdout.write(`\nWritten to bench-results/latest.json and bench-results/report.md\n`);
  process.exit(0);
}

await main();
