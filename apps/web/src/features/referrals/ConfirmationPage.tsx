import { referrerReferralDetailSchema, type ReferrerReferralDetail } from "@cse/contracts";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { Panel } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { formatDateTime } from "../../format/london-time.ts";

export function ConfirmationPage() {
  const { id = "" } = useParams();
  const [referral, setReferral] = useState<ReferrerReferralDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle("Referral sent");
  useEffect(() => {
    parsedApi
      .get(referrerReferralDetailSchema, `/api/referrals/${id}`)
      .then(setReferral, (error: unknown) => setFailure(describeFailure(error)));
  }, [id]);
  if (failure) return <p className="govuk-body">{failure}</p>;
  if (!referral)
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="Referral sent">
          Your reference number
          <br />
          <strong>{referral.reference}</strong>
        </Panel>
        <p className="govuk-body">Quote this reference if you contact the team about this child.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          Your referral has gone to the <strong>{referral.team.name}</strong> team. They will decide how to respond by{" "}
          <strong>{formatDateTime(referral.decisionDueAt)}</strong>, and we will show you the outcome here.
        </p>
        {referral.risk.rating === "RED" ? (
          <p className="govuk-body">
            Because the child may be at serious risk, everyone in the team has been alerted in this service, and the
            alert stays until one of them picks the referral up. If the child is in immediate danger, call 999.
          </p>
        ) : null}
        <p className="govuk-body">
          The team may call you on {referral.content.aboutYou.phone}. If anything changes, or you learn more, add it to
          the referral.
        </p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/referrals/${referral.id}`}>
              View or print your referral
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/referrals/new">
              Make another referral
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
