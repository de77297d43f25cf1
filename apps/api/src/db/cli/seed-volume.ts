// Fills the database with volume data: realistic, clearly fictional referrals across the
// teams, for benchmarks and for working against a queue of real size. Uses DATABASE_URL, or
// the embedded database while the service is stopped. Never run it against live data.
//   pnpm db:seed:volume -- --referrals 1000000 [--append] [--batch-size 20000] [--seed 1]
import { parseArgs } from "node:util";
import pino from "pino";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../startup/database.ts";
import { createDatabaseClient } from "../client.ts";
import { migrate } from "../migrations.ts";
import { seedReferenceData } from "../seed/reference-data.ts";
import { seedVolume, VolumeSeedRefused } from "../seed/volume.ts";

const usage = "Usage: pnpm db:seed:volume -- --referrals <n> [--append] [--batch-size <n>] [--seed <n>]\n";
const { values } = parseArgs({
  // pnpm passes the "--" separator through.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    referrals: { type: "string", default: "10000" },
    append: { type: "boolean", default: false },
    "batch-size": { type: "string", default: "20000" },
    seed: { type: "string", default: "20261130" },
  },
});
const referrals = Number(values.referrals);
const batchSize = Number(values["batch-size"]);
if (!Number.isInteger(referrals) || referrals < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
  process.stderr.write(usage);
  process.exit(2);
}

const config = loadConfig();
if (config.isProduction) {
  process.stderr.write("Volume data is never seeded in production.\n");
  process.exit(2);
}
const log = pino({ level: "warn" });
const database = await openDatabase(config, (line) => log.debug(line));
let exitCode = 0;
try {
  await migrate(database.url);
  const db = createDatabaseClient({ url: database.url, maxConnections: 1 });
  try {
    await seedReferenceData(db);
  } finally {
    await db.$disconnect();
  }
  const result = await seedVolume(database.url, {
    referrals,
    append: values.append,
    batchSize,
    seed: Number(values.seed),
    onProgress: ({ referrals: done, total, rows, seconds }) =>
      process.stderr.write(
        `${done.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")} referrals, ${rows.toLocaleString("en-GB")} rows, ` +
          `${Math.round(done / seconds)} referrals/s, ${Math.round(rows / seconds)} rows/s\n`,
      ),
  });
  process.stdout.write(
    `Seeded ${result.referrals.toLocaleString("en-GB")} referrals (${result.rows.toLocaleString("en-GB")} rows) in ${result.seconds.toFixed(1)} s.\n`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  exitCode = error instanceof VolumeSeedRefused ? 2 : 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
