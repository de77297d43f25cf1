import type { Config } from "../../config.ts";
import type { SecretBox } from "../../security/encryption.ts";
import type { Database } from "../client.ts";
import { describeDemoCredentials, seedDemoData } from "./demo-data.ts";
import { seedReferenceData } from "./reference-data.ts";

export interface SeedReport {
  readonly referenceData: boolean;
  /** Shown to the person who started the service; null when nothing was seeded. */
  readonly demoCredentials: string | null;
}

export async function seedDatabase(db: Database, config: Config, secretBox: SecretBox): Promise<SeedReport> {
  const referenceData = await seedReferenceData(db);
  if (!config.seedDemoData || config.isProduction) return { referenceData, demoCredentials: null };
  const credentials = await seedDemoData(db, {
    ...(config.demoPassword ? { password: config.demoPassword } : {}),
    ...(config.demoTotpSecret ? { totpSecret: config.demoTotpSecret } : {}),
    secretBox,
  });
  return { referenceData, demoCredentials: credentials ? describeDemoCredentials(credentials) : null };
}
