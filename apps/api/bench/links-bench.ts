// Links at volume: computing the links of one referral against all the others (the job that
// runs after each submission), and the referral page's links (GET /api/referrals/:id/links) over
// real HTTP as a signed-in triage member of the owning team. Targets (issue 10): computation
// under 25 ms, median and p95.
//
//   pnpm bench -- [--referrals 1000000] [--data-dir <dir>]   (as the triage bench; it seeds if short)
//
// The referrals measured are drawn at random from the seeded ones, whose identifiers come from
// the same pools a new referral's would (volume-pools.ts: people, phones and vehicles recurring
// across children, common names, shared dates of birth): computing a seeded referral's links
// asks exactly what a new one's asks. Their links are stored, as the job would store them.
import { request as httpRequest, Agent } from "node:http";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateSecret } from "otplib";
import { buildApp } from "../src/app.ts";
import { repoRoot } from "../src/config.ts";
import { createDatabaseClient } from "../src/db/client.ts";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrations.ts";
import { findFreePort, startScratchDatabase } from "../src/db/scratch.ts";
import { seedReferenceData } from "../src/db/seed/reference-data.ts";
import { seedVolume } from "../src/db/seed/volume.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
import { createLinkComputation } from "../src/modules/links/compute-links.ts";
import { createSecretBox } from "../src/security/encryption.ts";
import { systemClock } from "../src/services/clock.ts";
import { testConfig } from "../src/testing/app.ts";
import { BenchClient } from "./http-client.ts";

const SAMPLES = 300;
const WARM_UP = 30;
const PASSWORD = "bench password not secret";

type Line = (label: string, value: string) => void;

interface Latency {
  medianMs: number;
  p95Ms: number;
}

export interface LinksBenchReport {
  referrals: number;
  identifiers: number;
  identifiersPerReferral: number;
  computation: Latency & { samples: number; linksPerReferralMedian: number; linksPerReferralMax: number };
  linksPage: Latency & { samples: number };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};
const round = (value: number) => Number(value.toFixed(2));
const summary = (times: number[]): Latency => ({
  medianMs: round(percentile(times, 0.5)),
  p95Ms: round(percentile(times, 0.95)),
});

async function openDatabase(dataDir: string | undefined): Promise<EmbeddedDatabase> {
  if (!dataDir) return startScratchDatabase("cse_links_bench");
  return startEmbeddedDatabase({
    directory: join(dataDir, "postgres"),
    port: await findFreePort(),
    databaseName: "cse_referral_hub",
  });
}

/** A keep-alive GET that must answer 200. */
function getter(baseUrl: string, cookie: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (path: string) =>
    new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${baseUrl}${path}`, { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`))));
      });
      req.on("error", reject);
      req.end();
    });
}

export async function runLinksBench(line: Line, args = process.argv.slice(2)): Promise<LinksBenchReport> {
  const { values } = parseArgs({
    args: args.filter((arg) => arg !== "--"),
    options: { referrals: { type: "string", default: "1000000" }, "data-dir": { type: "string" } },
    strict: false,
  });
  const referrals = Number(values.referrals);
  if (!Number.isInteger(referrals) || referrals < 1)
    throw new RangeError("--referrals must be a positive whole number");
  const database = await openDatabase(typeof values["data-dir"] === "string" ? values["data-dir"] : undefined);
  const db = createDatabaseClient({ url: database.url, maxConnections: 10 });
  const config = testConfig({ LOG_LEVEL: "warn", SIGN_IN_MAX_PER_ADDRESS: "1000000" });
  const encryptionKey = Buffer.from(config.encryptionKey!, "base64");
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await migrate(database.url);
    await seedReferenceData(db);
    const existing = await db.referral.count();
    if (existing < referrals) {
      await seedVolume(database.url, { referrals: referrals - existing, append: existing > 0 });
    }
    const [counts] = await db.$queryRaw<{ total: number; identifiers: number }[]>`
      SELECT (SELECT count(*) FROM "Referral")::int AS total, (SELECT count(*) FROM "ReferralIdentifier")::int AS identifiers`;
    const { total, identifiers } = counts!;
    line(
      "links: referrals / identifiers",
      `${total.toLocaleString("en-GB")} / ${identifiers.toLocaleString("en-GB")} (${(identifiers / total).toFixed(1)} a referral)`,
    );

    // 1. Computing one referral's links, the job's whole transaction, one at a time.
    const sample = await db.$queryRaw<{ id: string; teamId: string }[]>`
      SELECT "id"::text AS "id", "teamId"::text AS "teamId" FROM "Referral"
       ORDER BY md5("id"::text || ${String(Date.now())}) LIMIT ${SAMPLES + WARM_UP}`;
    const computation = createLinkComputation({ db, clock: systemClock });
    const times: number[] = [];
    const linkCounts: number[] = [];
    for (const [index, { id }] of sample.entries()) {
      const begin = performance.now();
      const links = await computation.computeFor(id);
      if (index >= WARM_UP) {
        times.push(performance.now() - begin);
        linkCounts.push(links.length);
      }
    }
    const computed = { ...summary(times), samples: times.length };
    line("links: compute one referral's links", `median ${computed.medianMs} ms, p95 ${computed.p95Ms} ms`);
    line(
      "links: links found a referral",
      `median ${percentile(linkCounts, 0.5)}, max ${Math.max(...linkCounts)}; with any: ${linkCounts.filter((n) => n > 0).length} of ${linkCounts.length}`,
    );

    // 2. The referral page's links, as a triage member of the team holding the most sampled referrals.
    const byTeam = new Map<string, string[]>();
    for (const { id, teamId } of sample) byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), id]);
    const [teamId, teamReferrals] = [...byTeam.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const organisation = await db.organisation.upsert({
      where: { name: "Bench organisation (social care)" },
      create: { name: "Bench organisation (social care)", agency: "SOCIAL_CARE" },
      update: {},
    });
    const totpSecret = generateSecret();
    const email = "bench.links@bench.example";
    const data = {
      displayName: "Bench links",
      role: "TRIAGE" as const,
      status: "ACTIVE" as const,
      organisationId: organisation.id,
      teamId,
      passwordHash: await hashPassword(PASSWORD),
      totpSecret: createSecretBox(encryptionKey).seal(totpSecret),
      totpEnabledAt: new Date(),
      totpLastStep: null,
    };
    await db.user.upsert({ where: { email }, create: { email, ...data }, update: data });
    app = await buildApp({ config, db, secrets: { sessionSecret: config.sessionSecret!, encryptionKey } });
    const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
    const client = new BenchClient(baseUrl);
    await client.signIn(email, PASSWORD, totpSecret);
    const get = getter(baseUrl, client.cookieHeader);
    const pageTimes: number[] = [];
    for (let request = 0; request < WARM_UP + SAMPLES; request += 1) {
      const id = teamReferrals[request % teamReferrals.length]!;
      const begin = performance.now();
      await get(`/api/referrals/${id}/links`);
      if (request >= WARM_UP) pageTimes.push(performance.now() - begin);
    }
    const page = { ...summary(pageTimes), samples: pageTimes.length };
    line(
      "links: GET /api/referrals/:id/links",
      `median ${page.medianMs} ms, p95 ${page.p95Ms} ms (${teamReferrals.length} referrals of one team)`,
    );

    const report: LinksBenchReport = {
      referrals: total,
      identifiers,
      identifiersPerReferral: round(identifiers / total),
      computation: {
        ...computed,
        linksPerReferralMedian: percentile(linkCounts, 0.5),
        linksPerReferralMax: Math.max(...linkCounts),
      },
      linksPage: page,
    };
    return report;
  } finally {
    await app?.close();
    await db.$disconnect();
    await database.stop();
  }
}

// Runs on its own too: pnpm --filter @cse/api bench:links -- --data-dir <dir>
if (import.meta.url === `file://${process.argv[1]}`) {
  const line: Line = (label, value) => process.stdout.write(`${label.padEnd(52)} ${value}\n`);
  const report = await runLinksBench(line);
  const dir = join(repoRoot, "bench-results");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "links.json"), `${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}
