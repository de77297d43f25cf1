import { dismissLinkRequestSchema, referralLinksSchema, type LinkedReferral, type ReferralLinks } from "@cse/contracts";
import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ApiError, describeFailure } from "../../../api/errors.ts";
import { parsedApi } from "../../../api/parsed.ts";
import { Button, Details, Tag, Textarea } from "../../../components/govuk/index.ts";
import { RiskTag } from "../../../components/ReferralTags.tsx";
import { formatDate } from "../../../format/london-time.ts";

const referrals = (count: number) => (count === 1 ? "linked referral is" : "linked referrals are");

/** A lead's "not the same", with the reason the API requires. */
function NotTheSameForm({
  referralId,
  link,
  dismissed,
}: {
  referralId: string;
  link: LinkedReferral;
  dismissed: (links: ReferralLinks, reference: string) => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const id = `not-the-same-${link.linkId}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = dismissLinkRequestSchema.safeParse({ reason });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    try {
      const links = await parsedApi.post(
        referralLinksSchema,
        `/api/referrals/${referralId}/links/${link.linkId}/dismiss`,
        parsed.data,
      );
      dismissed(links, link.reference);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.errors?.[0] ? failure.errors[0].message : describeFailure(failure),
      );
    }
  }

  return (
    <Details summary={`This is not the same child or network as ${link.reference}`}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Textarea
          id={id}
          name="reason"
          label="Why are they not the same?"
          labelSize="s"
          hint="The link stops being shown to everyone. Your reason and your name are kept."
          rows={3}
          value={reason}
          error={error}
          onChange={(event) => setReason(event.target.value)}
        />
        <Button variant="warning">Mark as not the same</Button>
      </form>
    </Details>
  );
}

/**
 * Referrals that share the child or a person, phone, vehicle, handle or place of concern with
 * this one. Only those the viewer could open anyway are named; for the rest, a count per team.
 */
export function LinkedReferrals({ referralId }: { referralId: string }) {
  const [links, setLinks] = useState<ReferralLinks | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    parsedApi
      .get(referralLinksSchema, `/api/referrals/${referralId}/links`)
      .then(setLinks)
      .catch((error: unknown) => setFailure(describeFailure(error)));
  }, [referralId]);

  return (
    <section className="app-no-print" aria-labelledby="linked-referrals-heading">
      <h2 className="govuk-heading-m" id="linked-referrals-heading">
        Linked referrals
      </h2>
      {notice ? (
        <p className="govuk-body" role="status">
          {notice}
        </p>
      ) : null}
      {failure ? <p className="govuk-body govuk-error-message">{failure}</p> : null}
      {links === null ? (
        failure ? null : (
          <p className="govuk-body" role="status">
            Looking for linked referrals…
          </p>
        )
      ) : (
        <>
          {links.linked.length === 0 && links.heldElsewhere.length === 0 ? (
            <p className="govuk-body">
              No other referral shares this child or anyone, anything or anywhere of concern.
            </p>
          ) : null}
          {links.linked.length > 0 ? (
            <>
              <ul className="govuk-list">
                {links.linked.map((link) => (
                  <li key={link.linkId} className="app-linked-referral">
                    <h3 className="govuk-heading-s">
                      <Link className="govuk-link" to={`/referrals/${link.referralId}`}>
                        Referral {link.reference}
                      </Link>{" "}
                      <RiskTag risk={link.risk} /> {link.sameChild ? <Tag colour="purple">Same child</Tag> : null}
                    </h3>
                    <p className="govuk-body-s">
                      About {link.childName}, {link.teamName}, received {formatDate(link.submittedAt)}
                    </p>
                    <ul className="govuk-list govuk-list--bullet">
                      {link.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                    {links.canDismiss ? (
                      <NotTheSameForm
                        referralId={referralId}
                        link={link}
                        dismissed={(next, reference) => {
                          setLinks(next);
                          setNotice(`Referral ${reference} is marked as not the same and no longer shown.`);
                        }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
              <p className="govuk-body">
                <Link className="govuk-link" to={`/referrals/${referralId}/network`}>
                  See how these referrals are connected
                </Link>
              </p>
            </>
          ) : null}
          {links.heldElsewhere.map((group) => (
            <p className="govuk-body" key={group.teamName}>
              {group.count} more {referrals(group.count)} held by the {group.teamName} team: ask them.
            </p>
          ))}
        </>
      )}
    </section>
  );
}
