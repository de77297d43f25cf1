// The service as it runs in use (node on src/main.ts), as a child process on a loopback port:
// for fault tests that kill, stop or double it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../db/scratch.ts";
import { TEST_SECRETS } from "./app.ts";

const API_DIR = join(import.meta.dirname, "..", "..");

export interface RunningService {
  readonly process: ChildProcess;
  readonly url: string;
  readonly output: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ServiceSettings {
  readonly databaseUrl: string;
  readonly migrationDatabaseUrl: string;
  readonly dataDir: string;
  /** A folder with an index.html: the API is what is under test, not the web build. */
  readonly webDir: string;
  readonly env?: Record<string, string>;
}

/** A web build of one page: the API is what fault tests exercise, so they skip building the app. */
export async function placeholderWebDir(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "cse-web-"));
  await writeFile(join(directory, "index.html"), "<!doctype html><title>CSE Referral Hub</title>");
  return directory;
}

/** Starts the service and waits until it is ready; fails with its output if it cannot start. */
export async function startServiceProcess(settings: ServiceSettings): Promise<RunningService> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: settings.databaseUrl,
      MIGRATION_DATABASE_URL: settings.migrationDatabaseUrl,
      DATA_DIR: settings.dataDir,
      WEB_DIST_DIR: settings.webDir,
      SEED_DEMO_DATA: "false",
      LOG_LEVEL: "info",
      SESSION_SECRET: TEST_SECRETS.SESSION_SECRET,
      ENCRYPTION_KEY: TEST_SECRETS.ENCRYPTION_KEY,
      ...settings.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The service exited at start:\n${output.join("")}`);
    const ready = await fetch(`${url}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { process: child, url, output, exited };
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The service did not start:\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** SIGTERM, and wait for the exit. */
export async function stopServiceProcess(service: RunningService) {
  if (service.process.exitCode === null) service.process.kill("SIGTERM");
  return service.exited;
}
