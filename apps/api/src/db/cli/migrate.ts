// Applies pending migrations: to DATABASE_URL, or to the embedded database when it is unset
// (while the service is stopped).   pnpm db:migrate
import pino from "pino";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../startup/database.ts";
import { migrate } from "../migrations.ts";

const config = loadConfig();
const log = pino({ level: "warn" });
const database = await openDatabase(config, (line) => log.debug(line));
let exitCode = 0;
try {
  const result = await migrate(database.url);
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
