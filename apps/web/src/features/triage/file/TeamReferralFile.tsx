import type { TeamReferralDetail, TriageAction } from "@cse/contracts";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../../auth/AuthContext.tsx";
import { BackLink, ErrorSummary, NotificationBanner, WarningText } from "../../../components/govuk/index.ts";
import { usePageTitle } from "../../../hooks/usePageTitle.ts";
import { useAlerts } from "../../alerts/AlertsContext.tsx";
import { ReferralAnswers } from "../../referrals/ReferralAnswers.tsx";
import { ClaimForm, ReassignForm } from "./AssignForms.tsx";
import { Chronology } from "./Chronology.tsx";
import { DecisionApprovalForm, DecisionForm } from "./DecisionForms.tsx";
import { IdentityBar } from "./IdentityBar.tsx";
import { LinkedReferrals } from "./LinkedReferrals.tsx";
import { NoteForm } from "./NoteForm.tsx";
import { Notes } from "./Notes.tsx";
import { RecordSummary } from "./RecordSummary.tsx";
import { ReferralFileContext, type ReferralFile } from "./referral-file-context.ts";
import { RiskOverrideDecisionForm, RiskOverrideForm } from "./RiskForms.tsx";
import { RouteForm } from "./RouteForm.tsx";
import { CancelTransferForm, RequestTransferForm } from "./TransferForms.tsx";
import { Addenda } from "../../referrals/Addenda.tsx";

// The forms in the order a referral is worked: route it, pick it up, decide, approve, then the rest.
const actionForms: readonly [TriageAction, () => ReactNode][] = [
  ["route-from-hub", RouteForm],
  ["assign-self", ClaimForm],
  ["decide-approval", DecisionApprovalForm],
  ["decide-risk-override", RiskOverrideDecisionForm],
  ["decide", DecisionForm],
  ["add-note", NoteForm],
  ["override-risk", RiskOverrideForm],
  ["reassign", ReassignForm],
  ["cancel-transfer", CancelTransferForm],
  ["request-transfer", RequestTransferForm],
];

/**
 * The referral file as the owning team sees it: who and what, the clock, the facts, what the
 * viewer may do now (only what the API's `actions` allows), notes, history, and the referral itself.
 */
export function TeamReferralFile({
  referral,
  loadedAt,
  replace,
  reload,
}: {
  referral: TeamReferralDetail;
  loadedAt: Date;
  replace: (referral: TeamReferralDetail) => void;
  reload: () => void;
}) {
  const [notice, setNotice] = useState<{ key: number; text: string } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const { refresh: refreshAlerts } = useAlerts();
  const isLead = useCurrentUser().role === "LEAD";
  const { child } = referral.content;
  const [formsWithErrors, setFormsWithErrors] = useState<ReadonlySet<string>>(new Set());
  usePageTitle(`Referral ${referral.reference}`, conflict !== null || formsWithErrors.size > 0);
  const formHasErrors = useCallback((form: string, hasErrors: boolean) => {
    setFormsWithErrors((current) => {
      if (current.has(form) === hasErrors) return current;
      const next = new Set(current);
      if (hasErrors) next.add(form);
      else next.delete(form);
      return next;
    });
  }, []);

  const file = useMemo<ReferralFile>(
    () => ({
      referral,
      updated: (next, message) => {
        setConflict(null);
        replace(next);
        setNotice((previous) => ({ key: (previous?.key ?? 0) + 1, text: message }));
        refreshAlerts();
      },
      conflicted: (message) => {
        setNotice(null);
        setConflict(`${message} The page now shows the referral as it stands.`);
        reload();
        refreshAlerts();
      },
      formHasErrors,
    }),
    [referral, replace, reload, refreshAlerts, formHasErrors],
  );
  const allowed = actionForms.filter(([action]) => referral.actions.includes(action));

  return (
    <ReferralFileContext.Provider value={file}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink to="/team">Team queue</BackLink>
          {notice ? (
            <NotificationBanner type="success" key={notice.key}>
              {notice.text}
            </NotificationBanner>
          ) : null}
          <ErrorSummary items={conflict ? [{ text: conflict }] : []} />
          {/* As on the referrer's copy: the reference is the heading and the title, and the
              child's name, which browsers keep in their history, is only on the page. */}
          <span className="govuk-caption-l">
            {referral.team.name}: about {child.givenNames} {child.familyName}
          </span>
          <h1 className="govuk-heading-l">Referral {referral.reference}</h1>
          <IdentityBar referral={referral} />
          {referral.routingBoundary ? (
            <WarningText>
              This child’s postcode area crosses a council boundary: check the address is in {referral.team.name} before
              accepting. {referral.routingBoundary.note}
            </WarningText>
          ) : null}
          <RecordSummary referral={referral} at={loadedAt} />
          <p className="govuk-body app-no-print">
            <button type="button" className="app-link-button" onClick={() => window.print()}>
              Print this referral
            </button>
          </p>
          {isLead ? (
            <p className="govuk-body app-no-print">
              <Link className="govuk-link" to={`/referrals/${referral.id}/audit`}>
                Audit trail: who has seen or changed this referral
              </Link>
            </p>
          ) : null}
          {allowed.length > 0 ? (
            <section className="app-no-print" aria-labelledby="actions-heading">
              <h2 className="govuk-heading-m" id="actions-heading">
                Actions
              </h2>
              {allowed.map(([action, Form]) => (
                <Form key={action} />
              ))}
            </section>
          ) : null}
          <LinkedReferrals referralId={referral.id} />
          <Notes notes={referral.notes} />
          <Chronology entries={referral.chronology} />
          <h2 className="govuk-heading-l">The referral as submitted</h2>
          <ReferralAnswers content={referral.content} />
          <Addenda addenda={referral.addenda} />
        </div>
      </div>
    </ReferralFileContext.Provider>
  );
}
