import { formatReferralReference } from "@cse/domain";
import { describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import { referenceSql } from "./submission-service.ts";

// The submission's last statement writes the reference in SQL; the domain writes it everywhere
// else (and reads it back). They must agree on every sequence number, past a million too.
describe("the reference written in SQL", () => {
  const context = useTestApp();

  it("is the reference formatReferralReference writes", async () => {
    for (const sequence of [1, 42, 99_999, 999_999, 1_000_000, 12_345_678]) {
      const [row] = await context.test.db.$queryRaw<{ reference: string }[]>(
        Prisma.sql`SELECT ${referenceSql(2026, Prisma.sql`${sequence}::int`)} AS "reference"`,
      );
      expect(row?.reference).toBe(formatReferralReference(2026, sequence));
    }
  });
});
