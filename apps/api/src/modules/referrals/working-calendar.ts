import type { BankHolidayException } from "@cse/domain";
import type { Database, Transaction } from "../../db/client.ts";

/** The one-off bank-holiday changes every working-day rule needs (submission, transfers). */
export async function bankHolidayExceptions(client: Database | Transaction): Promise<BankHolidayException[]> {
  const rows = await client.bankHolidayException.findMany();
  return rows.map((row) => ({ date: row.date.toISOString().slice(0, 10), change: row.change, name: row.name }));
}
