import { REFERRAL_SECTIONS, sectionOfPath, validateReferralForm, type ReferralCreated } from "@cse/contracts";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { api } from "../../api/client.ts";
import { ApiError, describeFailure } from "../../api/errors.ts";
import { useCurrentUser } from "../../auth/AuthContext.tsx";
import { Button, ErrorSummary, WarningText } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { contentFromSubmission } from "./answers.ts";
import { useDraft } from "./DraftContext.tsx";
import { ReferralAnswers } from "./ReferralAnswers.tsx";

export function CheckAnswersPage() {
  const { draftId, saver, getValues } = useDraft();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const result = validateReferralForm(getValues());
  usePageTitle("Check your answers before sending your referral", failure !== null);

  if (!result.success) {
    const sections = REFERRAL_SECTIONS.filter((section) =>
      result.issues.some((issue) => sectionOfPath(issue.path) === section.id),
    );
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Some answers are missing</h1>
          <p className="govuk-body">Complete these sections before you send the referral:</p>
          <ul className="govuk-list govuk-list--bullet">
            {sections.map((section) => (
              <li key={section.id}>
                <Link className="govuk-link" to={`/referrals/drafts/${draftId}/${section.id}`}>
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
          changeLink={(section, what) => ({ to: `/referrals/drafts/${draftId}/${section}`, visuallyHiddenText: what })}
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
