import type { Draft } from "@cse/contracts";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api/client.ts";
import { describeFailure } from "../../api/errors.ts";
import { Button, ErrorSummary, WarningText } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";

export function NewReferralPage() {
  usePageTitle("Make a referral");
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const start = async () => {
    try {
      const draft = await api.post<Draft>("/api/drafts", { content: {} });
      await navigate(`/referrals/drafts/${draft.id}/immediate-safety`);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={failure ? [{ text: failure }] : []} />
        <h1 className="govuk-heading-l">Make a referral</h1>
        <WarningText>If a child is in immediate danger, call 999 now.</WarningText>
        <p className="govuk-body">It takes about 10 minutes. It helps to have to hand:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the child's name, date of birth or age, and home address</li>
          <li>what you saw, heard or were told, and when</li>
          <li>names, phone numbers, vehicle registrations or social media details of anyone you are worried about</li>
        </ul>
        <p className="govuk-body">Your answers are saved as you go, so you can stop and come back to them.</p>
        <Button type="button" isStartButton onClick={() => void start()} preventDoubleClick>
          Start now
        </Button>
      </div>
    </div>
  );
}
