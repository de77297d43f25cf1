import { outcomeLabels, referralStatusLabels, type ReferrerReferralSummary } from "@cse/contracts";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import { describeFailure } from "../../api/errors.ts";
import { ButtonLink, ErrorSummary, Tag } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { formatDate, formatDateTime } from "../../format/london-time.ts";

interface DraftSummary {
  id: string;
  childName: string;
  updatedAt: string;
  expiresAt: string;
}

export function MyReferralsPage() {
  usePageTitle("Your referrals");
  const [searchParams] = useSearchParams();
  const cursor = searchParams.get("cursor");
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [page, setPage] = useState<{ referrals: ReferrerReferralSummary[]; nextCursor: string | null } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const onFailure = (error: unknown) => setFailure(describeFailure(error));
    api.get<{ drafts: DraftSummary[] }>("/api/drafts").then((result) => setDrafts(result.drafts), onFailure);
    api
      .get<{ referrals: ReferrerReferralSummary[]; nextCursor: string | null }>(
        `/api/referrals?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      )
      .then(setPage, onFailure);
  }, [cursor]);

  return (
    <>
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      <h1 className="govuk-heading-l">Your referrals</h1>
      <ButtonLink to="/referrals/new">Make a referral</ButtonLink>
      {drafts && drafts.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Drafts</h2>
          <ul className="govuk-list">
            {drafts.map((draft) => (
              <li key={draft.id}>
                <Link className="govuk-link" to={`/referrals/drafts/${draft.id}`}>
                  {draft.childName || "Referral with no child's name yet"}
                </Link>{" "}
                <span className="govuk-body-s">
                  last saved {formatDateTime(draft.updatedAt)}; deleted after {formatDate(draft.expiresAt)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="govuk-heading-m">Sent</h2>
      {page === null ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : page.referrals.length === 0 ? (
        <p className="govuk-body">You have not sent any referrals yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Referrals you have sent, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Reference
              </th>
              <th scope="col" className="govuk-table__header">
                Child
              </th>
              <th scope="col" className="govuk-table__header">
                Sent
              </th>
              <th scope="col" className="govuk-table__header">
                Team
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {page.referrals.map((referral) => (
              <tr className="govuk-table__row" key={referral.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/referrals/${referral.id}`}>
                    {referral.reference}
                  </Link>
                </td>
                <td className="govuk-table__cell">{referral.childName}</td>
                <td className="govuk-table__cell">{formatDate(referral.submittedAt)}</td>
                <td className="govuk-table__cell">{referral.team.name}</td>
                <td className="govuk-table__cell">
                  <Tag colour={referral.status === "DECIDED" ? "green" : undefined}>
                    {referralStatusLabels[referral.status]}
                  </Tag>
                  {referral.outcome ? (
                    <div className="govuk-body-s govuk-!-margin-top-1">{outcomeLabels[referral.outcome]}</div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page?.nextCursor ? (
        <nav className="govuk-pagination" aria-label="Pagination">
          <div className="govuk-pagination__next">
            <Link
              className="govuk-link govuk-pagination__link"
              rel="next"
              to={`?cursor=${encodeURIComponent(page.nextCursor)}`}
            >
              <span className="govuk-pagination__link-title">Older referrals</span>
            </Link>
          </div>
        </nav>
      ) : null}
    </>
  );
}
