// Checks the audit trail: recomputes every entry's hash from its content and the entry before
// it, and holds the chain against the signed checkpoints written outside the database.
// Exit 0 when all is well, 1 when an entry was changed, removed or inserted, or a checkpoint
// is not ours.
//   pnpm audit:verify      (with DATABASE_URL, or the embedded database while the service is stopped)
import pino from "pino";
import { loadConfig } from "../../config.ts";
import { readCheckpoints } from "../../modules/audit/checkpoints.ts";
import { verifyAuditTrail } from "../../modules/audit/verification.ts";
import { openDatabase } from "../../startup/database.ts";
import { resolveSecrets } from "../../startup/secrets.ts";
import { createDatabaseClient } from "../client.ts";

const config = loadConfig();
const log = pino({ level: "warn" });
const say = (text: string) => process.stdout.write(`${text}\n`);
const database = await openDatabase(config, (line) => log.debug(line));
const db = createDatabaseClient({ url: database.url, maxConnections: 1 });
let exitCode = 0;
try {
  const { auditCheckpointKey } = await resolveSecrets(config);
  const file = await readCheckpoints(config.auditCheckpointFile, auditCheckpointKey);
  for (const problem of file.problems) say(`Checkpoint file ${config.auditCheckpointFile}: ${problem}.`);
  if (file.problems.length > 0) exitCode = 1;
  if (!file.exists) {
    say(
      `No checkpoints at ${config.auditCheckpointFile}: only the hash chain was checked, ` +
        `so a rewritten chain or a removed tail would not be caught.`,
    );
  }

  const result = await verifyAuditTrail(db, file.checkpoints);
  if (result.firstBadId === null) {
    say(
      `Audit chain intact: ${result.entries} entries verified, ${result.checkpointsMatched} checkpoints matched` +
        (file.checkpoints.length > 0 ? ` (${result.afterLatestCheckpoint} entries since the latest).` : "."),
    );
  } else {
    say(`Audit chain BROKEN at entry ${result.firstBadId}: ${result.problem}.`);
    exitCode = 1;
  }
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(exitCode);
