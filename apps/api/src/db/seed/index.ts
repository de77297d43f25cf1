import type { Config } from "../../config.ts";
import type { SecretBox } from "../../security/encryption.ts";
import type { Database } from "../client.ts";
import { describeDemoCredentials, seedDemoData } from "./demo-data.ts";
import { seedDemoReferrals } from "./demo-referrals.ts";
import { seedReferenceData } from "./reference-data.ts";

export interface SeedReport {
  readonly referenceData: boolean;
  /** Shown to the person who started the service; null when nothing was seeded. */
  readonly demoCredentials: string | null;
  /** How many fictional referrals were made for the demo accounts to work. */
  readonly demoReferrals: number;
}

export async function seedDatabase(db: Database, config: Config, secretBox: SecretBox): Promise<SeedReport> {
  const referenceData = await seedReferenceData(db);
  if (!config.seedDemoData || config.isProduction) return { referenceData, demoCredentials: null, demoReferrals: 0 };
  const credentials = await seedDemoData(db, {
    ...(config.demoPassword ? { password: config.demoPassword } : {}),
    ...(config.demoTotpSecret ? { totpSecret: config.demoTotpSecret } : {}),
    secretBox,
  });
  // Only with freshly made demo accounts: never into a database that already had people in it.
  const demoReferrals = credentials && config.seedDemoReferrals ? await seedDemoReferrals(db) : 0;
  return {
    referenceData,
    demoCredentials: credentials ? describeDemoCredentials(credentials) : null,
    demoReferrals,
  };
}
