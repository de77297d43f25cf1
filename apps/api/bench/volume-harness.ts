// What the benches at volume (triage, dashboard, links) share: the seeded cluster they open,
// the keep-alive client a simulated browser reads with, and how a sample of times is summed up.
import { mkdir, writeFile } from "node:fs/promises";
import { Agent, request as httpRequest } from "node:http";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../src/config.ts";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../src/db/embedded.ts";
import { findFreePort, startScratchDatabase } from "../src/db/scratch.ts";

export type Line = (label: string, value: string) => void;

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};

export const round = (value: number) => Number(value.toFixed(2));

/**
 * The cluster a bench runs on: the one kept in `dataDir` (seeded once, reused by the next run),
 * or a scratch cluster of its own.
 */
export async function openVolumeDatabase(dataDir: string | undefined, scratchName: string): Promise<EmbeddedDatabase> {
  if (!dataDir) return startScratchDatabase(scratchName);
  return startEmbeddedDatabase({
    directory: join(dataDir, "postgres"),
    port: await findFreePort(),
    databaseName: "cse_referral_hub",
  });
}

/** A keep-alive GET that must answer 200; one agent per simulated browser. */
export function getter(baseUrl: string, cookie: string) {
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

/** The options every volume bench takes: `--referrals` (default 1,000,000) and `--data-dir`. */
export function volumeOptions(args: string[]): { referrals: number; dataDir: string | undefined } {
  const { values } = parseArgs({
    args: args.filter((arg) => arg !== "--"),
    options: { referrals: { type: "string", default: "1000000" }, "data-dir": { type: "string" } },
  });
  const referrals = Number(values.referrals);
  if (!Number.isInteger(referrals) || referrals < 1)
    throw new RangeError("--referrals must be a positive whole number");
  return { referrals, dataDir: values["data-dir"] };
}

/** Runs a bench on its own (`pnpm --filter @cse/api bench:<name>`), keeping its figures as JSON. */
export async function runOnItsOwn<T>(name: string, run: (line: Line) => Promise<T>): Promise<never> {
  const line: Line = (label, value) => process.stdout.write(`${label.padEnd(52)} ${value}\n`);
  const report = await run(line);
  const dir = join(repoRoot, "bench-results");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}
