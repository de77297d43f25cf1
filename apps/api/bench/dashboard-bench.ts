// The dashboard at volume: GET /api/dashboard over real HTTP as the Leeds team's lead (every
// figure, per-person ones included) and as a triage member, against GET /api/health through the
// same client in the same run. Target (issue 11): p95 under 150 ms at 1,000,000 referrals.
//
//   pnpm --filter @cse/api bench:dashboard -- [--referrals 1000000] [--data-dir <dir>]
//   --referrals   referrals in the database (default 1,000,000; fewer for a quick run)
//   --data-dir    keep the seeded cluster there and reuse it next time (seeding 1M takes a while)
import { generateSecret } from "otplib";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { createDatabaseClient } from "../src/db/client.ts";
import { migrate } from "../src/db/migrations.ts";
import { seedReferenceData } from "../src/db/seed/reference-data.ts";
import { seedVolume } from "../src/db/seed/volume.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
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

const CONNECTIONS = 10;
const LATENCY_SAMPLES = 300;
const THROUGHPUT_SECONDS = 5;
const PASSWORD = "bench password not secret";
/** England's re-referral rate is 22.6%: about one referral in five follows one about the same child. */
const SAME_CHILD_EVERY = 5;

interface Measured {
  medianMs: number;
  p95Ms: number;
  perSecond: number;
}

export interface DashboardBenchReport {
  referrals: number;
  sameChildLinks: number;
  health: Measured;
  lead: Measured;
  triage: Measured;
}

async function measure(task: (worker: number) => Promise<void>): Promise<Measured> {
  for (let warm = 0; warm < 20; warm += 1) await task(0);
  const times: number[] = [];
  for (let sample = 0; sample < LATENCY_SAMPLES; sample += 1) {
    const begin = performance.now();
    await task(0);
    times.push(performance.now() - begin);
  }
  const throughput = await drive(CONNECTIONS, { durationMs: THROUGHPUT_SECONDS * 1000 }, (worker) => task(worker));
  return {
    medianMs: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    perSecond: Math.round(throughput.perSecond),
  };
}

/**
 * The volume seed computes no links. Without same-child links the re-referral figures would cost
 * nothing, so pair about one referral in five with an earlier one of the same team, as the link
 * job would for a child referred again.
 */
async function ensureSameChildLinks(pool: pg.Pool): Promise<number> {
  const existing = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "ReferralLink" WHERE "sameChild"`);
  if (Number(existing.rows[0]!.n) > 0) return Number(existing.rows[0]!.n);
  await pool.query(`
    INSERT INTO "ReferralLink" ("id", "firstId", "secondId", "score", "sameChild", "reasons", "computedAt")
    SELECT gen_random_uuid(), least(a."id", b."id"), greatest(a."id", b."id"), 80, true, ARRAY['Same child'], now()
    FROM (SELECT "id", "teamId", row_number() OVER (PARTITION BY "teamId" ORDER BY "submittedAt", "id") AS n FROM "Referral") a
    JOIN (SELECT "id", "teamId", row_number() OVER (PARTITION BY "teamId" ORDER BY "submittedAt", "id") AS n FROM "Referral") b
      ON b."teamId" = a."teamId" AND b.n = a.n - 37
    WHERE a.n % ${SAME_CHILD_EVERY} = 0
    ON CONFLICT DO NOTHING`);
  const after = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "ReferralLink" WHERE "sameChild"`);
  return Number(after.rows[0]!.n);
}

export async function runDashboardBench(line: Line, args = process.argv.slice(2)): Promise<DashboardBenchReport> {
  const { referrals, dataDir } = volumeOptions(args);
  const database = await openVolumeDatabase(dataDir, "cse_dashboard_bench");
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on("error", () => undefined);
  const db = createDatabaseClient({ url: database.url, maxConnections: 20 });
  const config = testConfig({ LOG_LEVEL: "warn", SIGN_IN_MAX_PER_ADDRESS: "1000000" });
  const encryptionKey = Buffer.from(config.encryptionKey!, "base64");
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await migrate(database.url);
    await seedReferenceData(db);
    const existing = await db.referral.count();
    if (existing < referrals) {
      const seeded = await seedVolume(database.url, {
        referrals: referrals - existing,
        append: existing > 0,
        onProgress: (p) =>
          process.stderr.write(`  seeding: ${p.referrals}/${p.total} (${Math.round(p.referrals / p.seconds)}/s)\r`),
      });
      line(`seed ${seeded.referrals.toLocaleString("en-GB")} referrals`, `${seeded.seconds.toFixed(0)} s`);
    }
    const total = await db.referral.count();
    const sameChildLinks = await ensureSameChildLinks(pool);
    // What autovacuum does in a steady state, done now: fresh statistics, and visibility maps
    // that let the counts be index-only scans after the bulk writes of the seed and the links.
    await pool.query(
      `VACUUM (ANALYZE) "ReferralLink", "DashboardSameChildReferral", "DashboardReferralDay", "DashboardDecisionCount", "DashboardMemberDecisionCount", "DashboardIdentifierCount"`,
    );
    line(
      "referrals / same-child links",
      `${total.toLocaleString("en-GB")} / ${sameChildLinks.toLocaleString("en-GB")}`,
    );

    // The Leeds team's lead and a triage member, each with an authenticator, as the service requires.
    const team = await db.team.findUniqueOrThrow({ where: { code: "leeds" } });
    const organisation = await db.organisation.upsert({
      where: { name: "Bench organisation (social care)" },
      create: { name: "Bench organisation (social care)", agency: "SOCIAL_CARE" },
      update: {},
    });
    const passwordHash = await hashPassword(PASSWORD);
    const secretBox = createSecretBox(encryptionKey);
    const people = await Promise.all(
      (["LEAD", "TRIAGE"] as const).map(async (role) => {
        const totpSecret = generateSecret();
        const email = `bench.dashboard.${role.toLowerCase()}@bench.example`;
        const data = {
          displayName: `Bench dashboard ${role.toLowerCase()}`,
          role,
          status: "ACTIVE" as const,
          organisationId: organisation.id,
          teamId: team.id,
          passwordHash,
          totpSecret: secretBox.seal(totpSecret),
          totpEnabledAt: new Date(),
          totpLastStep: null,
        };
        const user = await db.user.upsert({ where: { email }, create: { email, ...data }, update: data });
        return { user, totpSecret };
      }),
    );

    app = await buildApp({ config, db, secrets: { sessionSecret: config.sessionSecret!, encryptionKey } });
    const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
    const [lead, triage] = await Promise.all(
      people.map(async ({ user, totpSecret }) => {
        const client = new BenchClient(baseUrl);
        await client.signIn(user.email, PASSWORD, totpSecret);
        // One keep-alive connection per simulated browser, all as this person.
        return Array.from({ length: CONNECTIONS }, () => getter(baseUrl, client.cookieHeader));
      }),
    );

    const report: DashboardBenchReport = {
      referrals: total,
      sameChildLinks,
      health: await measure((w) => lead![w]!("/api/health")),
      lead: await measure((w) => lead![w]!("/api/dashboard")),
      triage: await measure((w) => triage![w]!("/api/dashboard")),
    };
    for (const [name, measured] of [
      ["GET /api/health (baseline)", report.health],
      ["GET /api/dashboard as the lead", report.lead],
      ["GET /api/dashboard as a triage member", report.triage],
    ] as const)
      line(
        name,
        `median ${measured.medianMs} ms, p95 ${measured.p95Ms} ms; ${measured.perSecond}/s at ${CONNECTIONS} (${((100 * measured.perSecond) / report.health.perSecond).toFixed(1)}% of /api/health)`,
      );
    return report;
  } finally {
    await app?.close();
    await pool.end();
    await db.$disconnect();
    await database.stop();
  }
}

// Runs on its own too: pnpm --filter @cse/api bench:dashboard
if (import.meta.url === `file://${process.argv[1]}`) await runOnItsOwn("dashboard", (line) => runDashboardBench(line));
