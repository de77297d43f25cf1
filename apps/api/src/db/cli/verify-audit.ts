// Checks the audit trail: recomputes every entry's hash from its content and the entry before
// it. Exit 0 when the chain is intact, 1 when an entry was changed, removed or inserted.
//   pnpm --filter @cse/api audit:verify      (with DATABASE_URL, or the embedded database when the service is stopped)
import pino from "pino";
import { loadConfig } from "../../config.ts";
import { createAuditService } from "../../modules/audit/service.ts";
import { openDatabase } from "../../startup/database.ts";
import { createDatabaseClient } from "../client.ts";

const config = loadConfig();
const log = pino({ level: "warn" });
const database = await openDatabase(config, (line) => log.debug(line));
const db = createDatabaseClient({ url: database.url, maxConnections: 1 });
let exitCode = 0;
try {
  const result = await createAuditService(db).verifyChain();
  if (result.brokenAt === null) {
    process.stdout.write(`Audit chain intact: ${result.entries} entries verified.\n`);
  } else {
    process.stdout.write(`Audit chain BROKEN at entry ${result.brokenAt} (after ${result.entries} good entries).\n`);
    exitCode = 1;
  }
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(exitCode);
