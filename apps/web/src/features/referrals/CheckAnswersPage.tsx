import { REFERRAL_SECTIONS, sectionOfPath, validateReferralForm, type ReferralCreated } from "@cse/contracts";
import { fieldId } from "../../components/govuk/index.ts";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { api } from "../../api/client.ts";
import { ApiError, describeFailure } from "../../api/errors.ts";
import { useCurrentUser } from "../../auth/AuthContext.tsx";
import { Button, ErrorSummary, WarningText } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { contentFromSubmission } from "./answers.ts";
import { useDraft } from "./DraftContext.tsx";
import { pageOfPath } from "./form-pages.ts";
import { rememberSent } from "./sent-drafts.ts";
import { DATE_FIELDS } from "./use-page-form.ts";
import { ReferralAnswers } from "./ReferralAnswers.tsx";

export function CheckAnswersPage() {
  const { draftId, saver, getValues } = useDraft();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const result = validateReferralForm(getValues());
  usePageTitle(
    result.success ? "Check your answers before sending your referral" : "Some answers are missing",
    failure !== null,
  );
  const draftPath = `/referrals/drafts/${draftId}`;

  if (!result.success) {
    // Each section with a problem, linked to the page of its first problem.
    const sections = REFERRAL_SECTIONS.flatMap((section) => {
      const issue = result.issues.find((candidate) => sectionOfPath(candidate.path) === section.id);
      return issue ? [{ ...section, to: `${draftPath}/${pageOfPath(issue.path).slug}` }] : [];
    });
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Some answers are missing</h1>
          <p className="govuk-body">Complete these sections before you send the referral:</p>
          <ul className="govuk-list govuk-list--bullet">
            {sections.map((section) => (
              <li key={section.id}>
                <Link className="govuk-link" to={section.to}>
                  {section.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    );
  }

  const send = async () => {
    setFailure(null);
    setSending(true);
    try {
      await saver.flush();
      // One key per draft: a retry after a lost answer gets the original result, never a second referral.
      const created = await api.post<ReferralCreated>(`/api/referrals?draftId=${draftId}`, result.submission, {
        "idempotency-key": `draft-${draftId}`,
      });
      saver.dispose();
      rememberSent(draftId, created.id);
      await navigate(`/referrals/${created.id}/sent`, { replace: true });
    } catch (error) {
      setSending(false);
      setFailure(
        error instanceof ApiError && error.status === 409
          ? (error.detail ?? error.title)
          : `Your referral has not been sent. ${describeFailure(error)}`,
      );
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={failure ? [{ text: failure }] : []} />
        <span className="govuk-caption-l">Make a referral</span>
        <h1 className="govuk-heading-l">Check your answers before sending your referral</h1>
        <ReferralAnswers
          content={contentFromSubmission(result.data, user)}
          changeLink={(path, what) => ({
            // To the page that asks it, focused on the question, and back here after saving.
            to: `${draftPath}/${pageOfPath(path).slug}?return=check#${DATE_FIELDS.includes(path) ? `${fieldId(path)}-day` : fieldId(path)}`,
            visuallyHiddenText: what,
          })}
        />
        <h2 className="govuk-heading-m">Now send your referral</h2>
        <p className="govuk-body">
          By sending this referral you confirm that the information is correct to the best of your knowledge, and that
          you have a lawful basis to share it.
        </p>
        <WarningText>
          Once sent, a referral cannot be changed. You can add new information or corrections to it afterwards.
        </WarningText>
        <Button onClick={() => void send()} type="button" disabled={sending} preventDoubleClick>
          {sending ? "Sending…" : "Accept and send"}
        </Button>
      </div>
    </div>
  );
}
