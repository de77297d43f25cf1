import { agencyLabels, type Note } from "@cse/contracts";
import { Tag } from "../../../components/govuk/index.ts";
import { formatDateTime } from "../../../format/london-time.ts";

/** The notes this viewer may read; restricted ones are marked so nobody shares them by mistake. */
export function Notes({ notes }: { notes: readonly Note[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Notes</h2>
      {notes.length === 0 ? <p className="govuk-body">No notes yet.</p> : null}
      {notes.map((note) => (
        <div className="govuk-inset-text" key={note.id}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {note.author.name} ({agencyLabels[note.authorAgency]}), {formatDateTime(note.createdAt)}
            {note.visibility === "AGENCY_ONLY" ? (
              <>
                {" "}
                <Tag colour="grey">{agencyLabels[note.authorAgency]} and lead only</Tag>
              </>
            ) : null}
          </p>
          <p className="govuk-body app-note">{note.body}</p>
        </div>
      ))}
    </>
  );
}
