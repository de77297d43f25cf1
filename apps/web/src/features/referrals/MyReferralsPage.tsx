import { draftListSchema, outcomeLabels, referralPageSchema, type ReferrerReferralSummary } from "@cse/contracts";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { z } from "zod/mini";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { ButtonLink, ErrorSummary, Table, type TableColumn } from "../../components/govuk/index.ts";
import { StatusTag } from "../../components/ReferralTags.tsx";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { formatDate, formatDateTime } from "../../format/london-time.ts";

type DraftSummary = z.infer<typeof draftListSchema>["drafts"][number];

const columns: readonly TableColumn<ReferrerReferralSummary>[] = [
  {
    header: "Reference",
    cell: (referral) => (
      <Link className="govuk-link" to={`/referrals/${referral.id}`}>
        {referral.reference}
      </Link>
    ),
  },
  { header: "Child", cell: (referral) => referral.childName },
  { header: "Sent", cell: (referral) => formatDate(referral.submittedAt) },
  { header: "Team", cell: (referral) => referral.team.name },
  {
    header: "Status",
    cell: (referral) => (
      <>
        <StatusTag status={referral.status} audience="referrer" />
        {referral.outcome ? (
          <div className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
            {outcomeLabels[referral.outcome]}
          </div>
        ) : null}
      </>
    ),
  },
];

export function MyReferralsPage() {
  usePageTitle("Your referrals");
  const [searchParams] = useSearchParams();
  const cursor = searchParams.get("cursor");
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [page, setPage] = useState<z.infer<typeof referralPageSchema> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const onFailure = (error: unknown) => setFailure(describeFailure(error));
    parsedApi.get(draftListSchema, "/api/drafts").then((result) => setDrafts(result.drafts), onFailure);
    parsedApi
      .get(referralPageSchema, `/api/referrals?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
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
        <Table
          caption="Referrals you have sent, newest first"
          captionHidden
          columns={columns}
          rows={page.referrals}
          rowKey={(referral) => referral.id}
        />
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
