import { useEffect, useState } from "react";
import { useAuth } from "../../auth/AuthContext.tsx";
import { Button } from "../../components/govuk/index.ts";
import { formatTime } from "../../format/london-time.ts";

const WARN_BEFORE_MS = 2 * 60_000;
const ABSOLUTE_NOTICE_MS = 10 * 60_000;

/** The GOV.UK timeout warning: two minutes' notice, and a way to stay signed in. */
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
    const minutes = Math.max(1, Math.ceil(idleLeft / 60_000));
    return (
      <div
        className="app-session-warning"
        role="alertdialog"
        aria-labelledby="session-warning-heading"
        aria-describedby="session-warning-text"
      >
        <h2 className="govuk-heading-m" id="session-warning-heading">
          You will be signed out soon
        </h2>
        <p className="govuk-body" id="session-warning-text" aria-live="polite">
          We will sign you out in {minutes} minute{minutes === 1 ? "" : "s"} because you have not done anything for a
          while.
        </p>
        <div className="govuk-button-group">
          <Button type="button" onClick={() => void refresh()}>
            Stay signed in
          </Button>
          <button type="button" className="app-link-button govuk-!-font-weight-regular" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
    );
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
