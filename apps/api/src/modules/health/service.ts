import type { Database } from "../../db/client.ts";

export function createHealthService(db: Database) {
  return {
    async isDatabaseReachable(): Promise<boolean> {
      try {
        await db.$queryRaw`SELECT 1`;
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
