// For browser tests that need a referral older than the service's own clock can make (one
// overdue, say): moves its receipt and due time back, as if it had arrived days ago.
import pg from "pg";

export async function backdateReferral(databaseUrl: string, referralId: string, days: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE "Referral" SET "submittedAt" = "submittedAt" - make_interval(days => $2),
         "decisionDueAt" = "decisionDueAt" - make_interval(days => $2),
         "redEscalationDueAt" = "redEscalationDueAt" - make_interval(days => $2)
       WHERE "id" = $1`,
      [referralId, days],
    );
    if (rowCount !== 1) throw new Error(`No referral ${referralId} to backdate`);
  } finally {
    await client.end();
  }
}
