// Links at volume: computing the links of one referral against all the others (the job that
// runs after each submission), and the referral page's links (GET /api/referrals/:id/links) over
// real HTTP as a signed-in triage member of the owning team. Targets (issue 10): computation
// under 25 ms, median and p95.
//
//   pnpm bench -- [--referrals 1000000] [--data-dir <dir>]   (as the triage bench; it seeds if short)
//
// Two populations (docs/performance.md): seeded referrals drawn at random, whose identifiers
// come from the seed's small pools (dozens of links each: the worst neighbourhoods), and new
// referrals submitted through the API, mostly naming people and numbers not seen before
// (NEW_SHARES). The new ones are deleted at the end; the seeded ones' links stay stored.
import { randomBytes } from "node:crypto";
import { EXAMPLE_REFERRAL_SUBMISSION, type ReferralCreated } from "@cse/contracts";
import { generateSecret } from "otplib";
import { buildApp } from "../src/app.ts";
import { createDatabaseClient } from "../src/db/client.ts";
import { migrate } from "../src/db/migrations.ts";
import { seedReferenceData } from "../src/db/seed/reference-data.ts";
import { seedVolume } from "../src/db/seed/volume.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
import { createLinkComputation } from "../src/modules/links/compute-links.ts";
import { createSecretBox } from "../src/security/encryption.ts";
import { systemClock } from "../src/services/clock.ts";
import { testConfig } from "../src/testing/app.ts";
import { BenchClient } from "./http-client.ts";
import {
  getter,
  openVolumeDatabase,
  percentile,
  round,
  runOnItsOwn,
  volumeOptions,
  type Line,
} from "./volume-harness.ts";

const SAMPLES = 300;
const WARM_UP = 30;
const PASSWORD = "bench password not secret";

interface Latency {
  medianMs: number;
  p95Ms: number;
}

type Computation = Latency & { samples: number; linksPerReferralMedian: number; linksPerReferralMax: number };

export interface LinksBenchReport {
  referrals: number;
  identifiers: number;
  identifiersPerReferral: number;
  /** New referrals, most sharing nothing, some a phone or vehicle seen before (NEW_SHARES). */
  newReferral: { computation: Computation; linksPage: Latency & { samples: number } };
  /** Seeded referrals, whose identifiers come from small pools: dozens of links each. */
  seededReferral: { computation: Computation; linksPage: Latency & { samples: number } };
}

/**
 * How often a new referral shares a phone or a vehicle with one before it. The seeded pools
 * make every phone recur some 26 times and every referral link to dozens (median 72 at a
 * million): a measure of the worst neighbourhoods, not of a typical new referral, which
 * mostly names people and numbers not seen before.
 */
const NEW_SHARES = { phone: 0.3, vehicle: 0.1 };
const GIVEN = ["Amelia", "Noah", "Isla", "Leo", "Ava", "Zain", "Maisie", "Kian", "Evie", "Oskar", "Hana", "Rhys"];
const FAMILY = ["Ashworth", "Brennan", "Chaudhry", "Dobson", "Ellison", "Farrow", "Gill", "Holroyd", "Iqbal"];

const summary = (times: number[]): Latency => ({
  medianMs: round(percentile(times, 0.5)),
  p95Ms: round(percentile(times, 0.95)),
});

export async function runLinksBench(line: Line, args = process.argv.slice(2)): Promise<LinksBenchReport> {
  const { referrals, dataDir } = volumeOptions(args);
  const database = await openVolumeDatabase(dataDir, "cse_links_bench");
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
    const computed = {
      ...summary(times),
      samples: times.length,
      linksPerReferralMedian: percentile(linkCounts, 0.5),
      linksPerReferralMax: Math.max(...linkCounts),
    };
    line("links, seeded: compute one referral's links", `median ${computed.medianMs} ms, p95 ${computed.p95Ms} ms`);
    line(
      "links, seeded: links found a referral",
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
    const passwordHash = await hashPassword(PASSWORD);
    const leeds = await db.team.findUniqueOrThrow({ where: { code: "leeds" } });
    const triageOf = async (email: string, team: string) => {
      const totpSecret = generateSecret();
      const data = {
        displayName: `Bench links ${team}`,
        role: "TRIAGE" as const,
        status: "ACTIVE" as const,
        organisationId: organisation.id,
        teamId: team,
        passwordHash,
        totpSecret: createSecretBox(encryptionKey).seal(totpSecret),
        totpEnabledAt: new Date(),
        totpLastStep: null,
      };
      await db.user.upsert({ where: { email }, create: { email, ...data }, update: data });
      return totpSecret;
    };
    const referrerEmail = "bench.links.referrer@bench.example";
    const referrerData = {
      displayName: "Bench links referrer",
      role: "REFERRER" as const,
      status: "ACTIVE" as const,
      organisationId: organisation.id,
      passwordHash,
    };
    await db.user.upsert({
      where: { email: referrerEmail },
      create: { email: referrerEmail, ...referrerData },
      update: referrerData,
    });
    app = await buildApp({ config, db, secrets: { sessionSecret: config.sessionSecret!, encryptionKey } });
    const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
    const signedIn = async (email: string, totpSecret?: string) => {
      const client = new BenchClient(baseUrl);
      await client.signIn(email, PASSWORD, totpSecret);
      return client;
    };
    const pageLatency = async (email: string, team: string, ids: string[]) => {
      const client = await signedIn(email, await triageOf(email, team));
      const get = getter(baseUrl, client.cookieHeader);
      const times: number[] = [];
      for (let request = 0; request < WARM_UP + SAMPLES; request += 1) {
        const begin = performance.now();
        await get(`/api/referrals/${ids[request % ids.length]!}/links`);
        if (request >= WARM_UP) times.push(performance.now() - begin);
      }
      return { ...summary(times), samples: times.length };
    };
    const seededPage = await pageLatency("bench.links@bench.example", teamId, teamReferrals);
    line(
      "links, seeded: GET /api/referrals/:id/links",
      `median ${seededPage.medianMs} ms, p95 ${seededPage.p95Ms} ms (${teamReferrals.length} referrals of one team)`,
    );

    // 3. New referrals through the API (Leeds postcodes), then each one's links computed.
    const seen = (kind: "PHONE" | "VEHICLE") => db.$queryRaw<{ value: string }[]>`
      SELECT "value" FROM "ReferralIdentifier" WHERE "kind" = ${kind}::"IdentifierKind"
       ORDER BY md5("id"::text || ${String(Date.now())}) LIMIT ${SAMPLES + WARM_UP}`;
    const phones = (await seen("PHONE")).map((row) => row.value.replace(/^\+44/, "0"));
    const vehicles = (await seen("VEHICLE")).map((row) => row.value);
    const referrer = await signedIn(referrerEmail);
    const fresh: string[] = [];
    for (let index = 0; index < SAMPLES + WARM_UP; index += 1) {
      const own = randomBytes(4).readUInt32BE(0) % 1_000_000;
      const person = {
        ...EXAMPLE_REFERRAL_SUBMISSION.entities[0]!,
        name: `Bench man ${index}`,
        nicknames: [],
        socialHandles: [],
        addresses: [],
        postcodes: [],
        phoneNumbers: [
          `07800 ${String(own).padStart(6, "0")}`,
          ...(Math.random() < NEW_SHARES.phone ? [phones[index % phones.length]!] : []),
        ],
        vehicleRegistrations: Math.random() < NEW_SHARES.vehicle ? [vehicles[index % vehicles.length]!] : [],
      };
      const { status, json } = await referrer.request(
        "POST",
        "/api/referrals",
        {
          ...EXAMPLE_REFERRAL_SUBMISSION,
          child: {
            ...EXAMPLE_REFERRAL_SUBMISSION.child,
            givenNames: GIVEN[index % GIVEN.length]!,
            familyName: FAMILY[Math.floor(Math.random() * FAMILY.length)]!,
            aliases: [],
            dateOfBirth: `20${10 + (index % 6)}-0${1 + (index % 9)}-1${index % 10}`,
            homeAddress: `${index + 1} Bench Street, Leeds`,
            homePostcode: `LS${1 + (index % 17)} ${1 + (index % 9)}AB`,
          },
          entities: [person],
        },
        { "idempotency-key": `bench-links-${Date.now()}-${index}` },
      );
      if (status !== 201) throw new Error(`bench referral ${index}: ${status} ${JSON.stringify(json)}`);
      fresh.push((json as ReferralCreated).id);
    }
    const newTimes: number[] = [];
    const newCounts: number[] = [];
    for (const [index, id] of fresh.entries()) {
      const begin = performance.now();
      const links = await computation.computeFor(id);
      if (index >= WARM_UP) {
        newTimes.push(performance.now() - begin);
        newCounts.push(links.length);
      }
    }
    const newComputed = {
      ...summary(newTimes),
      samples: newTimes.length,
      linksPerReferralMedian: percentile(newCounts, 0.5),
      linksPerReferralMax: Math.max(...newCounts),
    };
    line("links, new: compute one referral's links", `median ${newComputed.medianMs} ms, p95 ${newComputed.p95Ms} ms`);
    line(
      "links, new: links found a referral",
      `median ${newComputed.linksPerReferralMedian}, max ${newComputed.linksPerReferralMax}; with any: ${newCounts.filter((n) => n > 0).length} of ${newCounts.length}`,
    );
    const newPage = await pageLatency("bench.links.leeds@bench.example", leeds.id, fresh);
    line("links, new: GET /api/referrals/:id/links", `median ${newPage.medianMs} ms, p95 ${newPage.p95Ms} ms`);
    // The data directory is shared with the triage bench: leave its referrals as they were
    // (their audit entries stay, as the trail is append-only).
    await db.referral.deleteMany({ where: { id: { in: fresh } } });

    const report: LinksBenchReport = {
      referrals: total,
      identifiers,
      identifiersPerReferral: round(identifiers / total),
      newReferral: { computation: newComputed, linksPage: newPage },
      seededReferral: { computation: computed, linksPage: seededPage },
    };
    return report;
  } finally {
    await app?.close();
    await db.$disconnect();
    await database.stop();
  }
}

// Runs on its own too: pnpm --filter @cse/api bench:links -- --data-dir <dir>
if (import.meta.url === `file://${process.argv[1]}`) await runOnItsOwn("links", (line) => runLinksBench(line));
