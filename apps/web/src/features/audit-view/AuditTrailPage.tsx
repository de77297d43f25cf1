import { auditTrailPageSchema, type AuditTrailPage as TrailPage } from "@cse/contracts/oversight";
import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { BackLink, ErrorSummary, Table } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { trailColumns } from "./trail-columns.tsx";

/**
 * The lead's view of who opened, changed, exported, listed or was refused one of the team's
 * referrals, newest first. Opening it is itself recorded (and shows at the top).
 */
export function AuditTrailPage() {
  const { id = "" } = useParams();
  const [searchParams] = useSearchParams();
  const cursor = searchParams.get("cursor");
  const path = `/api/audit?referralId=${encodeURIComponent(id)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
  const [loaded, setLoaded] = useState<{ path: string; page: TrailPage } | null>(null);
  const [failed, setFailed] = useState<{ path: string; message: string } | null>(null);
  const current = loaded?.path === path ? loaded.page : null;
  const failure = failed?.path === path ? failed.message : null;
  usePageTitle("Audit trail", failure !== null);

  useEffect(() => {
    parsedApi.get(auditTrailPageSchema, path).then(
      (page) => setLoaded({ path, page }),
      (error: unknown) => setFailed({ path, message: describeFailure(error) }),
    );
  }, [path]);

  return (
    <>
      <BackLink to={`/referrals/${id}`}>The referral</BackLink>
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      <span className="govuk-caption-l">{current ? `Referral ${current.referral.reference}` : "Referral"}</span>
      <h1 className="govuk-heading-l">Audit trail</h1>
      <p className="govuk-body">
        Everyone who opened or changed this referral, saw it in a list or an export, or was refused it. Team and agency
        are the person’s now; the role is the one they had at the time.
      </p>
      {current === null ? (
        failure ? null : (
          <p className="govuk-body" role="status">
            Loading the audit trail…
          </p>
        )
      ) : (
        <Table
          caption={cursor ? "Older entries" : "Newest first"}
          columns={trailColumns}
          rows={current.entries}
          rowKey={(entry) => entry.id}
        />
      )}
      {current && (current.nextCursor || cursor) ? (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
          {cursor ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={`/referrals/${id}/audit`}>
                <span className="govuk-pagination__link-title">Newest entries</span>
              </Link>
            </div>
          ) : null}
          {current.nextCursor ? (
            <div className="govuk-pagination__next">
              <Link
                className="govuk-link govuk-pagination__link"
                rel="next"
                to={`/referrals/${id}/audit?cursor=${current.nextCursor}`}
              >
                <span className="govuk-pagination__link-title">Older entries</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
