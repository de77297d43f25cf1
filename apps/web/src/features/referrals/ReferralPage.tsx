import {
  addAddendumRequestSchema,
  outcomeLabels,
  referralDetailSchema,
  referralStatusLabels,
  type ReferralDetail,
  type ReferrerReferralDetail,
  type TeamReferralDetail,
} from "@cse/contracts";
import { zodResolver } from "@hookform/resolvers/zod";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useParams } from "react-router";
import type { z } from "zod/mini";
import { api } from "../../api/client.ts";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
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
import { Addenda } from "./Addenda.tsx";

// Only the team sees its file: a referrer's browser never downloads the triage code.
const TeamReferralFile = lazy(() =>
  import("../triage/file/TeamReferralFile.tsx").then((module) => ({ default: module.TeamReferralFile })),
);

type AddendumForm = z.input<typeof addAddendumRequestSchema>;

/**
 * One address for a referral, answered for the caller's audience: the referrer's copy, or the
 * owning team's file.
 */
export function ReferralPage() {
  const { id = "" } = useParams();
  const [loaded, setLoaded] = useState<{ referral: ReferralDetail; at: Date } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    parsedApi.get(referralDetailSchema, `/api/referrals/${id}`).then(
      (referral) => setLoaded({ referral, at: new Date() }),
      (error: unknown) => setFailure(describeFailure(error)),
    );
  }, [id]);
  useEffect(() => {
    load();
  }, [load]);
  const replace = useCallback((referral: TeamReferralDetail) => setLoaded({ referral, at: new Date() }), []);

  if (!loaded) return <NotLoaded failure={failure} />;
  return loaded.referral.audience === "team" ? (
    <Suspense fallback={<NotLoaded failure={null} />}>
      <TeamReferralFile referral={loaded.referral} loadedAt={loaded.at} replace={replace} reload={load} />
    </Suspense>
  ) : (
    <ReferrerCopy referral={loaded.referral} reload={load} />
  );
}

/** Each view names the page once it has loaded; until then, this does. */
function NotLoaded({ failure }: { failure: string | null }) {
  usePageTitle("Referral", failure !== null);
  return failure ? (
    <ErrorSummary items={[{ text: failure }]} />
  ) : (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

/** The referrer's copy: what they sent, what has happened since, and a way to add to it. */
function ReferrerCopy({ referral, reload }: { referral: ReferrerReferralDetail; reload: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const form = useForm<AddendumForm>({
    resolver: zodResolver(addAddendumRequestSchema),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const summary = [...errorsFromForm(form.formState.errors), ...(failure ? [{ text: failure }] : [])];
  usePageTitle(`Referral ${referral.reference}`, summary.length > 0);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.post(`/api/referrals/${referral.id}/addenda`, values);
      form.reset({ body: "" });
      setAdded(true);
      reload();
    } catch (error) {
      setFailure(describeFailure(error));
    }
  });

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
        {referral.outcome ? (
          <NotificationBanner title="The team's decision">
            <h2 className="govuk-notification-banner__heading">{outcomeLabels[referral.outcome]}</h2>
            {referral.messageToReferrer ? (
              <>
                <p className="govuk-body govuk-!-margin-bottom-1">The team says:</p>
                <p className="govuk-body app-note">{referral.messageToReferrer}</p>
              </>
            ) : null}
            {referral.decidedAt ? <p className="govuk-body-s">Decided {formatDateTime(referral.decidedAt)}</p> : null}
          </NotificationBanner>
        ) : null}
        <SummaryList
          rows={[
            { key: "Sent", value: formatDateTime(referral.submittedAt) },
            { key: "Team", value: referral.team.name },
            { key: "Status", value: referralStatusLabels[referral.status] },
            referral.status === "DECIDED"
              ? { key: "Outcome", value: referral.outcome ? outcomeLabels[referral.outcome] : "" }
              : { key: "Decision due by", value: formatDateTime(referral.decisionDueAt) },
          ]}
        />
        <p className="govuk-body app-no-print">
          <button type="button" className="app-link-button govuk-!-font-weight-regular" onClick={() => window.print()}>
            Print this referral
          </button>
        </p>
        <ReferralAnswers content={referral.content} />
        <Addenda addenda={referral.addenda} />
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
