import { formValuesFromDraft, type Draft, type ReferralFormValues } from "@cse/contracts";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api } from "../../api/client.ts";
import { describeFailure } from "../../api/errors.ts";
import { useCurrentUser } from "../../auth/AuthContext.tsx";
import { Link } from "react-router";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { DraftSaver, type SaveState } from "./draft-saver.ts";
import { referralSentFrom } from "./sent-drafts.ts";

interface DraftContextValue {
  readonly draftId: string;
  readonly saver: DraftSaver;
  readonly saveState: SaveState;
  /** The whole form as it stands: what the draft holds, over an empty form so every field exists. */
  readonly getValues: () => ReferralFormValues;
  /** Records a change (kept in memory and saved to the server shortly). */
  readonly setValues: (values: ReferralFormValues) => void;
}

const DraftContext = createContext<DraftContextValue | null>(null);

export function DraftProvider({ draftId, children }: { draftId: string; children: ReactNode }) {
  const user = useCurrentUser();
  const [saver, setSaver] = useState<DraftSaver | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "saved", at: null });

  useEffect(() => {
    let created: DraftSaver | null = null;
    api.get<Draft>(`/api/drafts/${draftId}`).then(
      (draft) => {
        created = new DraftSaver(draftId, draft);
        created.subscribe(setSaveState);
        setSaver(created);
      },
      (error: unknown) => setFailure(describeFailure(error)),
    );
    return () => {
      if (created?.hasUnsavedChanges) void created.flush();
      created?.dispose();
    };
  }, [draftId]);

  // Leaving the page with changes the server does not have yet loses them: ask first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saver?.hasUnsavedChanges) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saver]);

  const value = useMemo<DraftContextValue | null>(
    () =>
      saver && {
        draftId,
        saver,
        saveState,
        getValues: () => formValuesFromDraft(saver.current, { jobTitle: user.jobTitle, phone: user.phone }),
        setValues: (values) => saver.update(values),
      },
    [draftId, saver, saveState, user.jobTitle, user.phone],
  );

  if (failure) return <DraftUnavailable draftId={draftId} failure={failure} />;
  if (!value)
    return (
      <p className="govuk-body" role="status">
        Loading your draft…
      </p>
    );
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}

function DraftUnavailable({ draftId, failure }: { draftId: string; failure: string }) {
  const sentAs = referralSentFrom(draftId);
  const title = sentAs ? "You have already sent this referral" : "This draft cannot be opened";
  usePageTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      {sentAs ? (
        <p className="govuk-body">
          A sent referral cannot be changed.{" "}
          <Link className="govuk-link" to={`/referrals/${sentAs}`}>
            View or print your referral
          </Link>
          , or add new information to it there.
        </p>
      ) : (
        <p className="govuk-body">{failure}</p>
      )}
    </>
  );
}

export function useDraft(): DraftContextValue {
  const context = useContext(DraftContext);
  if (!context) throw new Error("useDraft must be used inside DraftProvider");
  return context;
}
