import type { ChronologyEntry } from "@cse/contracts";
import { formatDateTime } from "../../../format/london-time.ts";

/** MoJ timeline: everything that has happened to the referral, newest first. */
export function Chronology({ entries }: { entries: readonly ChronologyEntry[] }) {
  const newestFirst = [...entries].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <>
      <h2 className="govuk-heading-m">Chronology</h2>
      <ol className="app-timeline" reversed>
        {newestFirst.map((entry) => (
          <li className="app-timeline__item" key={entry.id}>
            <h3 className="app-timeline__title">{entry.summary}</h3>
            <p className="app-timeline__byline">
              {entry.actorName ? `${entry.actorName}, ` : ""}
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
