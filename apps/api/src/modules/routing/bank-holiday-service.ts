import type { BankHolidayExceptionRequest } from "@cse/contracts/routing";
import { FIRST_YEAR_OF_CURRENT_BANK_HOLIDAY_RULES, isCalendarDate, isWeekend, regularBankHolidays } from "@cse/domain";
import type { Database } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { NotFound, ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

interface BankHolidayDependencies {
  readonly db: Database;
  readonly audit: AuditService;
}

const LAST_YEAR = 2100;

const toView = (row: { date: Date; name: string; change: "ADDITIONAL" | "REMOVED" }) => ({
  date: row.date.toISOString().slice(0, 10),
  name: row.name,
  change: row.change,
});

/** Why this day cannot take this change, or null when it can. */
function problemWith(date: string, change: "ADDITIONAL" | "REMOVED"): string | null {
  if (!isCalendarDate(date)) return "Enter a real date";
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR_OF_CURRENT_BANK_HOLIDAY_RULES || year > LAST_YEAR) {
    return `Enter a date between ${FIRST_YEAR_OF_CURRENT_BANK_HOLIDAY_RULES} and ${LAST_YEAR}`;
  }
  const usual = regularBankHolidays(year).some((holiday) => holiday.date === date);
  if (change === "ADDITIONAL" && usual) return "That day is already a bank holiday";
  if (change === "ADDITIONAL" && isWeekend(date)) return "That day is a weekend, which is never a working day";
  if (change === "REMOVED" && !usual) return "That day is not one of the usual bank holidays";
  return null;
}

/**
 * One-off bank-holiday changes (a royal funeral, a moved May holiday). The decision clock reads
 * this table at every submission, so a change applies to referrals submitted after it; a
 * referral already submitted keeps the due time it was given. Every change is audited.
 */
export function createBankHolidayService({ db, audit }: BankHolidayDependencies) {
  return {
    async list() {
      const rows = await db.bankHolidayException.findMany({ orderBy: { date: "desc" } });
      return { exceptions: rows.map(toView) };
    },

    async add(admin: AuthenticatedUser, input: BankHolidayExceptionRequest, context: RequestContext) {
      const change = input.change ?? "ADDITIONAL";
      const problem = problemWith(input.date, change);
      if (problem) throw new ValidationFailed([{ path: "date", message: problem }]);
      return db.$transaction(async (tx) => {
        const row = await tx.bankHolidayException
          .create({ data: { date: new Date(`${input.date}T00:00:00Z`), name: input.name, change } })
          .catch((error: unknown) => {
            if (isUniqueViolation(error)) {
              throw new ValidationFailed([{ path: "date", message: "There is already a change for that day" }]);
            }
            throw error;
          });
        await audit.record(tx, {
          actor: admin,
          action: "bank-holiday.add",
          entityType: "BankHolidayException",
          entityId: input.date,
          requestId: context.requestId,
          details: { "after.date": input.date, "after.name": input.name, "after.change": change },
        });
        return toView(row);
      });
    },

    async remove(admin: AuthenticatedUser, date: string, context: RequestContext) {
      if (!isCalendarDate(date)) throw new NotFound("There is no change for that day.");
      await db.$transaction(async (tx) => {
        const day = new Date(`${date}T00:00:00Z`);
        const before = await tx.bankHolidayException.findUnique({ where: { date: day } });
        if (!before) throw new NotFound("There is no change for that day.");
        await tx.bankHolidayException.delete({ where: { date: day } });
        await audit.record(tx, {
          actor: admin,
          action: "bank-holiday.remove",
          entityType: "BankHolidayException",
          entityId: date,
          requestId: context.requestId,
          details: { "before.date": date, "before.name": before.name, "before.change": before.change },
        });
      });
    },
  };
}

export type BankHolidayService = ReturnType<typeof createBankHolidayService>;
