// Seeds reference data (teams, routing rules, bank-holiday exceptions) into an empty database,
// and demo accounts outside production, exactly as the first start does.   pnpm db:seed
import pino from "pino";
import { loadConfig } from "../../config.ts";
import { createSecretBox } from "../../security/encryption.ts";
import { migrateDatabase, openDatabase } from "../../startup/database.ts";
import { resolveSecrets } from "../../startup/secrets.ts";
import { createDatabaseClient } from "../client.ts";
import { seedDatabase } from "../seed/index.ts";

const config = loadConfig();
const log = pino({ level: "warn" });
const database = await openDatabase(config, (line) => log.debug(line));
const db = createDatabaseClient({ url: database.url, maxConnections: 1 });
let exitCode = 0;
try {
  await migrateDatabase(database);
  const secrets = await resolveSecrets(config);
  const seeded = await seedDatabase(db, config, createSecretBox(secrets.encryptionKey));
  process.stdout.write(seeded.referenceData ? "Reference data seeded.\n" : "Reference data was already there.\n");
  process.stdout.write(seeded.demoCredentials ? `${seeded.demoCredentials}\n` : "No demo accounts seeded.\n");
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(exitCode);
