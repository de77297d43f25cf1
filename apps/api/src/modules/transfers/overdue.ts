import { decisionDueAt, isOverdue, type BankHolidayException } from "@cse/domain";

/**
 * A transfer waiting more than one working day is flagged to both leads: past the end of the
 * first working day after the day it was asked for (the same count as the decision clock),
 * while the child's referral sits between two teams.
 */
export function transferIsOverdue(requestedAt: Date, exceptions: readonly BankHolidayException[], now: Date): boolean {
  return isOverdue(decisionDueAt(requestedAt, exceptions), now);
}
