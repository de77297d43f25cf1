import { useEffect, useState } from "react";
import { useAuth } from "../../auth/AuthContext.tsx";
import { Button } from "../../components/govuk/index.ts";
import { useModalDialog } from "../../components/use-modal-dialog.ts";
import { formatTime } from "../../format/london-time.ts";

const WARN_BEFORE_MS = 2 * 60_000;
const ABSOLUTE_NOTICE_MS = 10 * 60_000;

/** "1 minute 5 seconds", or "2 minutes" while more than a minute is left. */
function timeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds > 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/**
 * The timeout warning as a modal dialog (HMRC's timeout dialog, the MoJ timeout warning): it
 * takes the focus wherever the user was on a long page, says how long is left, and gives the
 * focus back where it was when it closes. Escape means "stay signed in", as HMRC's does.
 */
function TimeoutDialog({ msLeft, onStay, onSignOut }: { msLeft: number; onStay: () => void; onSignOut: () => void }) {
  const { dialog, heading } = useModalDialog();
  // Screen readers hear the time left once a minute (and in the last 20 seconds), not every second.
  const spoken = msLeft > 60_000 ? timeLeft(msLeft) : msLeft > 20_000 ? "1 minute" : "20 seconds";
  return (
    <dialog
      ref={dialog}
      className="app-timeout-dialog"
      aria-labelledby="timeout-dialog-heading"
      aria-describedby="timeout-dialog-text"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 className="govuk-heading-m" id="timeout-dialog-heading" ref={heading} tabIndex={-1}>
        You will be signed out soon
      </h2>
      <p className="govuk-body" id="timeout-dialog-text">
        <span aria-hidden="true">We will sign you out in {timeLeft(msLeft)}</span>
        <span className="govuk-visually-hidden" aria-live="polite">
          We will sign you out in {spoken}
        </span>{" "}
        because you have not done anything for a while. Your answers so far are saved.
      </p>
      <div className="govuk-button-group">
        <Button type="button" onClick={onStay}>
          Stay signed in
        </Button>
        <button type="button" className="app-link-button govuk-!-font-weight-regular" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </dialog>
  );
}

export function SessionExpiryWarning() {
  const { state, refresh, signOut } = useAuth();
  const [now, setNow] = useState(() => Date.now());
  const session = state.status === "signed-in" ? state.session : null;

  useEffect(() => {
    if (!session) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [session]);

  const idleLeft = session ? new Date(session.idleExpiresAt).getTime() - now : Infinity;
  const absoluteLeft = session ? new Date(session.absoluteExpiresAt).getTime() - now : Infinity;

  useEffect(() => {
    if (session && (idleLeft <= 0 || absoluteLeft <= 0)) {
      void signOut("expired");
    }
  }, [session, idleLeft, absoluteLeft, signOut]);

  if (!session) return null;
  if (idleLeft <= WARN_BEFORE_MS && idleLeft < absoluteLeft) {
    // Asking the API for the session is itself activity: it extends the session.
    return <TimeoutDialog msLeft={idleLeft} onStay={() => void refresh()} onSignOut={() => void signOut()} />;
  }
  if (absoluteLeft <= ABSOLUTE_NOTICE_MS) {
    return (
      <div className="govuk-inset-text" role="status">
        For security, your session ends at {formatTime(session.absoluteExpiresAt)}. Finish what you are doing, then sign
        in again.
      </div>
    );
  }
  return null;
}
