// Times are stored in UTC and shown to people as England's clocks show them.
const LONDON = "Europe/London";

/** "1:42pm", as GOV.UK writes times. */
export function formatTime(instant: Date | string): string {
  return new Date(instant)
    .toLocaleTimeString("en-GB", { hour: "numeric", minute: "2-digit", hour12: true, timeZone: LONDON })
    .replace(/\s/g, "");
}

/** "6 May 2012"; empty when there is no date. */
export function formatDate(isoDate: string | null): string {
  if (!isoDate) return "";
  // Noon UTC, so the calendar date is the same in London whatever the season.
  return new Date(`${isoDate.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: LONDON,
  });
}

/** "Tuesday 1 December 2026 at 11:59 pm". */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: LONDON,
  });
}
