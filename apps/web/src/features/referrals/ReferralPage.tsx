import {
  addAddendumRequestSchema,
  outcomeLabels,
  referralStatusLabels,
  type ReferrerReferralDetail,
} from "@cse/contracts";
import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useParams } from "react-router";
import type { z } from "zod";
import { api } from "../../api/client.ts";
import { describeFailure } from "../../api/errors.ts";
import {
  BackLink,
  Button,
  ErrorSummary,
  NotificationBanner,
  SummaryList,
  Textarea,
  errorsFromForm,
} from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { formatDateTime } from "../../format/london-time.ts";
import { ReferralAnswers } from "./ReferralAnswers.tsx";

type AddendumForm = z.input<typeof addAddendumRequestSchema>;

/** The referrer's copy: what they sent, what has happened since, and a way to add to it. */
export function ReferralPage() {
  const { id = "" } = useParams();
  const [referral, setReferral] = useState<ReferrerReferralDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const form = useForm<AddendumForm>({
    resolver: zodResolver(addAddendumRequestSchema),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const summary = [...errorsFromForm(form.formState.errors), ...(failure ? [{ text: failure }] : [])];
  usePageTitle(referral ? `Referral ${referral.reference}` : "Referral", summary.length > 0);

  const load = useCallback(
    () =>
      api
        .get<ReferrerReferralDetail>(`/api/referrals/${id}`)
        .then(setReferral, (error: unknown) => setFailure(describeFailure(error))),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.post(`/api/referrals/${id}/addenda`, values);
      form.reset({ body: "" });
      setAdded(true);
      await load();
    } catch (error) {
      setFailure(describeFailure(error));
    }
  });

  if (!referral)
    return failure ? (
      <ErrorSummary items={[{ text: failure }]} />
    ) : (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="app-no-print">
          <BackLink to="/referrals">Your referrals</BackLink>
        </div>
        {added ? (
          <NotificationBanner type="success">Your addendum has been added to the referral.</NotificationBanner>
        ) : null}
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        {/* The reference is the heading and the title; the child's name is not in the title,
            which browsers keep in their history. */}
        <span className="govuk-caption-l">Referral about {referral.childName}</span>
        <h1 className="govuk-heading-l">Referral {referral.reference}</h1>
        <SummaryList
          rows={[
            { key: "Sent", value: formatDateTime(referral.submittedAt) },
            { key: "Team", value: referral.team.name },
            { key: "Status", value: referralStatusLabels[referral.status] },
            { key: "Decision due by", value: formatDateTime(referral.decisionDueAt) },
            ...(referral.outcome ? [{ key: "Outcome", value: outcomeLabels[referral.outcome] }] : []),
            ...(referral.messageToReferrer
              ? [{ key: "Message from the team", value: referral.messageToReferrer }]
              : []),
          ]}
        />
        <p className="govuk-body app-no-print">
          <button type="button" className="app-link-button govuk-!-font-weight-regular" onClick={() => window.print()}>
            Print this referral
          </button>
        </p>
        <ReferralAnswers content={referral.content} />
        <h2 className="govuk-heading-m">Addenda</h2>
        {referral.addenda.length === 0 ? (
          <p className="govuk-body">Nothing has been added since the referral was sent.</p>
        ) : null}
        {referral.addenda.map((addendum) => (
          <div className="govuk-inset-text" key={addendum.id}>
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              {addendum.authorName}, {formatDateTime(addendum.createdAt)}
            </p>
            <p className="govuk-body">{addendum.body}</p>
          </div>
        ))}
        <form noValidate onSubmit={onSubmit} className="app-no-print">
          <Textarea
            id="body"
            label="Add a correction or new information"
            labelSize="m"
            hint="The referral itself cannot be changed. What you add here is shown with it, with your name and the time."
            rows={4}
            error={form.formState.errors.body?.message}
            {...form.register("body")}
          />
          <Button disabled={form.formState.isSubmitting}>Add to referral</Button>
        </form>
      </div>
    </div>
  );
}
