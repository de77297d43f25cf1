// Times are stored in UTC and shown to people as England's clocks show them, in GOV.UK's
// style: "7:39pm on 30 November 2026", "midnight", "midday".
const LONDON = "Europe/London";

/** "1:42pm", "midday", "midnight", as GOV.UK writes times. */
export function formatTime(instant: Date | string): string {
  const time = new Date(instant)
    .toLocaleTimeString("en-GB", { hour: "numeric", minute: "2-digit", hour12: true, timeZone: LONDON })
    .replace(/\s/g, "")
    .toLowerCase();
  if (time === "12:00am") return "midnight";
  if (time === "12:00pm") return "midday";
  return time.replace(":00", "");
}

/** The calendar date in England of an instant, or a date as it is: YYYY-MM-DD. */
function londonDate(value: string): string {
  if (value.length <= 10) return value;
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: LONDON,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(value));
}

/** "6 May 2012" (of a date, or of an instant as England's calendar shows it); empty when none. */
export function formatDate(value: string | null): string {
  if (!value) return "";
  // Noon UTC, so the calendar date is the same in London whatever the season.
  return new Date(`${londonDate(value)}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: LONDON,
  });
}

/** "7:39pm on 30 November 2026". */
export function formatDateTime(iso: string): string {
  return `${formatTime(iso)} on ${formatDate(iso)}`;
}
