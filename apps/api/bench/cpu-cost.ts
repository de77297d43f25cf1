// Where a request's cost goes: for one kind of request, its throughput at ten connections and
// the processor time it costs the service's process and PostgreSQL's, per request, optionally
// with a CPU profile of the service. This is how the file read and the submission were taken to
// half their database floors (docs/performance.md); use it before guessing.
//
//   pnpm --filter @cse/api bench:cpu -- --case <case> --data-dir <dir> [--profile <file>]
//   --case      health | file | file-floor | submission | submission-floor
//   --data-dir  a cluster `pnpm bench -- --data-dir <dir>` has seeded (the Leeds queue is read)
//   --profile   write a .cpuprofile of the measured part (open it in Chrome's DevTools)
//
// PostgreSQL's processor time is read from /proc, so that column needs Linux. The service's
// process also runs the load generator (the HTTP client, or the floor's pg client), as every
// bench here does, so its figure includes the client's share.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { EXAMPLE_REFERRAL_SUBMISSION } from "@cse/contracts";
import { generateSecret } from "otplib";
import pg from "pg";
import { buildApp } from "../src/app.ts";
import { createDatabaseClient } from "../src/db/client.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
import { createSecretBox } from "../src/security/encryption.ts";
import { testConfig } from "../src/testing/app.ts";
import { BenchClient, drive } from "./http-client.ts";
import { submissionFloor, submissionTemplate } from "./submission-floor.ts";
import { referralFileFloor } from "./triage-floors.ts";
import { getter, openVolumeDatabase, round, runOnItsOwn } from "./volume-harness.ts";

const CASES = ["health", "file", "file-floor", "submission", "submission-floor"] as const;
type Case = (typeof CASES)[number];
const CONNECTIONS = 10;
const PASSWORD = "bench password not secret";

/** Clock ticks each PostgreSQL process has used so far, by process id. */
function postgresTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  let pids: string[];
  try {
    pids = execFileSync("pgrep", ["postgres"], { encoding: "utf8" }).trim().split("\n");
  } catch {
    return ticks;
  }
  for (const pid of pids) {
    try {
      // Fields 14 and 15 of /proc/<pid>/stat: user and system time, in clock ticks.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

async function signedInMember(db: ReturnType<typeof createDatabaseClient>, encryptionKey: Buffer) {
  const team = await db.team.findUniqueOrThrow({ where: { code: "leeds" } });
  const organisation = await db.organisation.upsert({
    where: { name: "Bench organisation (social care)" },
    create: { name: "Bench organisation (social care)", agency: "SOCIAL_CARE" },
    update: {},
  });
  const totpSecret = generateSecret();
  const passwordHash = await hashPassword(PASSWORD);
  const data = {
    displayName: "Bench cost",
    role: "TRIAGE" as const,
    status: "ACTIVE" as const,
    organisationId: organisation.id,
    teamId: team.id,
    passwordHash,
    totpSecret: createSecretBox(encryptionKey).seal(totpSecret),
    totpEnabledAt: new Date(),
    totpLastStep: null,
  };
  const email = "bench.cost@bench.example";
  const member = await db.user.upsert({ where: { email }, create: { email, ...data }, update: data });
  const referrerOrganisation = await db.organisation.upsert({
    where: { name: "Bench organisation" },
    create: { name: "Bench organisation", agency: "HEALTH" },
    update: {},
  });
  const referrerEmail = "bench.cost.referrer@bench.example";
  const referrer = await db.user.upsert({
    where: { email: referrerEmail },
    create: {
      email: referrerEmail,
      displayName: "Bench cost referrer",
      role: "REFERRER",
      status: "ACTIVE",
      organisationId: referrerOrganisation.id,
      passwordHash,
    },
    update: {},
  });
  return { team, member, totpSecret, referrer };
}

export async function measureCost(args: string[]) {
  const { values } = parseArgs({
    args: args.filter((arg) => arg !== "--"),
    options: { case: { type: "string", default: "file" }, "data-dir": { type: "string" }, profile: { type: "string" } },
  });
  const chosen = values.case as Case;
  if (!CASES.includes(chosen)) throw new RangeError(`--case must be one of ${CASES.join(", ")}`);
  if (!values["data-dir"]) throw new RangeError("--data-dir must name a cluster that `pnpm bench` has seeded");
  const database = await openVolumeDatabase(values["data-dir"], "cse_cost_bench");
  const db = createDatabaseClient({ url: database.url, maxConnections: 20 });
  const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
  pool.on("error", () => undefined);
  const config = testConfig({ LOG_LEVEL: "warn", SIGN_IN_MAX_PER_ADDRESS: "1000000" });
  const encryptionKey = Buffer.from(config.encryptionKey!, "base64");
  const app = await buildApp({ config, db, secrets: { sessionSecret: config.sessionSecret!, encryptionKey } });
  const floorClients: pg.PoolClient[] = [];
  try {
    const { team, member, totpSecret, referrer } = await signedInMember(db, encryptionKey);
    const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
    const triage = new BenchClient(baseUrl);
    await triage.signIn(member.email, PASSWORD, totpSecret);
    const referrerClient = new BenchClient(baseUrl);
    await referrerClient.signIn(referrer.email, PASSWORD);
    const open = await db.referral.findMany({
      where: { teamId: team.id, status: { not: "DECIDED" } },
      take: 500,
      select: { id: true },
    });
    if (open.length === 0) throw new Error("The Leeds queue is empty: seed the cluster with `pnpm bench` first");
    const gets = Array.from({ length: CONNECTIONS }, () => getter(baseUrl, triage.cookieHeader));
    for (let connection = 0; connection < CONNECTIONS; connection += 1) floorClients.push(await pool.connect());
    let next = 0;
    const nextId = () => open[(next += 1) % open.length]!.id;
    const submit = async () => {
      const { status } = await referrerClient.request("POST", "/api/referrals", EXAMPLE_REFERRAL_SUBMISSION, {
        "idempotency-key": `cost-${(next += 1)}-${Date.now()}`,
      });
      if (status !== 201) throw new Error(`submission: ${status}`);
    };
    // The floor copies a referral the service stored, so make one first.
    await submit();
    const stored = await db.referral.findFirstOrThrow({
      where: { referrerId: referrer.id },
      orderBy: { submittedAt: "desc" },
      select: { id: true, teamId: true },
    });
    const template = await submissionTemplate(floorClients[0]!, stored.id);
    const tasks: Record<Case, (worker: number) => Promise<void>> = {
      health: (worker) => gets[worker]!("/api/health"),
      file: (worker) => gets[worker]!(`/api/referrals/${nextId()}`),
      "file-floor": (worker) =>
        referralFileFloor(floorClients[worker]!, { id: member.id, teamId: team.id, agency: "SOCIAL_CARE" }, nextId()),
      submission: () => submit(),
      "submission-floor": (worker) =>
        submissionFloor(
          floorClients[worker]!,
          { id: referrer.id, teamId: stored.teamId, agency: "HEALTH" },
          template,
          `cost-floor-${(next += 1)}-${Date.now()}`,
        ),
    };
    const writes = chosen.startsWith("submission");
    const task = tasks[chosen];
    await drive(CONNECTIONS, { total: writes ? 100 : 1000 }, task);

    const profiler = new Session();
    if (values.profile) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
    }
    const postgresBefore = postgresTicks();
    const cpuBefore = process.cpuUsage();
    const run = await drive(CONNECTIONS, writes ? { total: 500 } : { durationMs: 5000 }, task);
    const cpu = process.cpuUsage(cpuBefore);
    const postgresAfter = postgresTicks();
    let postgresTicksUsed = 0;
    for (const [pid, ticks] of postgresAfter) postgresTicksUsed += ticks - (postgresBefore.get(pid) ?? ticks);
    if (values.profile) {
      const { profile } = await profiler.post("Profiler.stop");
      await writeFile(values.profile, JSON.stringify(profile));
    }
    const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return {
      case: chosen,
      perSecond: Math.round(run.perSecond),
      serviceProcessMsPerRequest: round((cpu.user + cpu.system) / 1000 / run.completed),
      postgresMsPerRequest: round(((postgresTicksUsed / ticksPerSecond) * 1000) / run.completed),
    };
  } finally {
    for (const client of floorClients) client.release();
    await app.close();
    await pool.end();
    await db.$disconnect();
    await database.stop();
  }
}

// Runs on its own: pnpm --filter @cse/api bench:cpu -- --case file --data-dir <dir>
if (import.meta.url === `file://${process.argv[1]}`) {
  await runOnItsOwn("cpu-cost", async (line) => {
    const cost = await measureCost(process.argv.slice(2));
    line(`${cost.case}: at ${CONNECTIONS} connections`, `${cost.perSecond}/s`);
    line(`${cost.case}: the service's process, per request`, `${cost.serviceProcessMsPerRequest} ms of CPU`);
    line(`${cost.case}: PostgreSQL, per request`, `${cost.postgresMsPerRequest} ms of CPU`);
    return cost;
  });
}
