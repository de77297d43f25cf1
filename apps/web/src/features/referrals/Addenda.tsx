import type { ReferralDetail } from "@cse/contracts";
import { formatDateTime } from "../../format/london-time.ts";

/** What the referrer added after sending, oldest first: shown alike on the referrer's copy and the team's file. */
export function Addenda({ addenda }: { addenda: ReferralDetail["addenda"] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Addenda</h2>
      {addenda.length === 0 ? <p className="govuk-body">Nothing has been added since the referral was sent.</p> : null}
      {addenda.map((addendum) => (
        <div className="govuk-inset-text" key={addendum.id}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {addendum.authorName}, {formatDateTime(addendum.createdAt)}
          </p>
          <p className="govuk-body app-note">{addendum.body}</p>
        </div>
      ))}
    </>
  );
}
