import { formatTime } from "./london-time.ts";

const LONDON = "Europe/London";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** "40 minutes", "3 hours", "2 days": rounded down, so a clock never looks kinder than it is. */
export function describeSpan(milliseconds: number): string {
  const span = Math.max(milliseconds, 0);
  if (span < HOUR) return plural(Math.max(Math.floor(span / MINUTE), 1), "minute");
  if (span < 2 * DAY) return plural(Math.floor(span / HOUR), "hour");
  return plural(Math.floor(span / DAY), "day");
}

/** "Tuesday 1 December 2026" in London, without the comma some ICU versions put after the day. */
function londonDay(instant: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: LONDON,
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value;
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}

/** "11:59pm on Tuesday 1 December 2026", as GOV.UK writes a time and date. */
export function formatDueAt(iso: string): string {
  const instant = new Date(iso);
  return `${formatTime(instant).replace(":00", "")} on ${londonDay(instant)}`;
}

export interface DueState {
  readonly overdue: boolean;
  /** For the queue: "Due 11:59pm on Tuesday 1 December 2026" or "Overdue by 3 hours". */
  readonly short: string;
  /** For the referral file: "Decision due in 5 hours, by ..." or "Decision overdue by 3 hours (was due ...)". */
  readonly sentence: string;
}

/** The statutory decision clock in words, as at `now`. */
export function describeDue(decisionDueAt: string, now: Date): DueState {
  const left = new Date(decisionDueAt).getTime() - now.getTime();
  const when = formatDueAt(decisionDueAt);
  if (left <= 0) {
    const late = describeSpan(-left);
    return {
      overdue: true,
      short: `Overdue by ${late}`,
      sentence: `Decision overdue by ${late}: it was due by ${when}`,
    };
  }
  return { overdue: false, short: `Due ${when}`, sentence: `Decision due in ${describeSpan(left)}, by ${when}` };
}
