// `pnpm start` as a user runs it: a real process on a fresh data directory, then Ctrl-C,
// then a second start that reuses the data.
import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../src/db/scratch.ts";
import { TEST_SECRETS } from "../src/testing/app.ts";

interface RunningService {
  readonly process: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

const apiDir = join(import.meta.dirname, "..");

function startService(env: Record<string, string>): RunningService {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function waitUntilReady(port: number, service: RunningService, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null) throw new Error(`The service exited early:\n${service.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The service was not ready within ${timeoutMs} ms:\n${service.output()}`);
}

describe("pnpm start", () => {
  let dataDir: string;
  let webDist: string;
  let env: Record<string, string>;
  let port: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "cse-start-"));
    await chmod(dataDir, 0o755);
    webDist = join(dataDir, "web");
    await mkdir(webDist);
    await writeFile(join(webDist, "index.html"), "<!doctype html><title>CSE Referral Hub</title>");
    port = await findFreePort();
    env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_DATABASE_PORT: String(await findFreePort()),
      WEB_DIST_DIR: webDist,
      DEMO_PASSWORD: "demo-password-for-start-test",
      LOG_LEVEL: "info",
      ...TEST_SECRETS,
    };
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it(
    "starts on an embedded database, seeds demo data, serves, and stops cleanly on Ctrl-C",
    { timeout: 120_000 },
    async () => {
      const service = startService(env);
      await waitUntilReady(port, service);

      expect(service.output()).toContain("embedded PostgreSQL started");
      expect(service.output()).toContain("admin@demo.example");
      expect(service.output()).toContain("demo-password-for-start-test");
      const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
      expect(await page.text()).toContain("CSE Referral Hub");

      service.process.kill("SIGINT");
      expect(await service.exited).toBe(0);
      expect(service.output()).toContain("stopped cleanly");
    },
  );

  it("reuses the data on a second start", { timeout: 120_000 }, async () => {
    const service = startService(env);
    await waitUntilReady(port, service);

    expect(service.output()).toContain('"applied":[]');
    expect(service.output()).not.toContain("admin@demo.example");

    service.process.kill("SIGTERM");
    expect(await service.exited).toBe(0);
  });
});
