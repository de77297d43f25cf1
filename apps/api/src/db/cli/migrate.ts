// Applies pending migrations as the owner role (MIGRATION_DATABASE_URL, or DATABASE_URL alone
// for a single-role database), then grants the application role (DATABASE_URL) its rights; or
// to the embedded database when DATABASE_URL is unset (while the service is stopped).   pnpm db:migrate
import pino from "pino";
import { loadConfig } from "../../config.ts";
import { migrateDatabase, openDatabase } from "../../startup/database.ts";

const config = loadConfig();
const log = pino({ level: "warn" });
const database = await openDatabase(config, (line) => log.debug(line));
let exitCode = 0;
try {
  const result = await migrateDatabase(database);
  process.stdout.write(
    result.applied.length === 0
      ? `Nothing to apply: all ${result.alreadyApplied.length} migrations are in place.\n`
      : `Applied ${result.applied.length} migration(s):\n${result.applied.map((name) => `  ${name}\n`).join("")}`,
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
