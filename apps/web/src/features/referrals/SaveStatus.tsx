import { useEffect, useState } from "react";
import { formatTime } from "../../format/london-time.ts";
import { useDraft } from "./DraftContext.tsx";

/** Says plainly whether the answers are safe on the server, and what to do when they are not. */
export function SaveStatus() {
  const { saveState, saver } = useDraft();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (saveState.kind !== "retrying") return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [saveState.kind]);

  if (saveState.kind === "retrying") {
    const seconds = Math.max(0, Math.ceil((saveState.nextAttemptAt.getTime() - now) / 1000));
    return (
      <div className="govuk-notification-banner app-save-warning" role="alert" aria-labelledby="save-status-title">
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="save-status-title">
            Not saved yet
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          <p className="govuk-notification-banner__heading">
            Your latest answers have not been saved. Do not close this page.
          </p>
          <p className="govuk-body">
            We cannot reach the service. We are keeping your answers on this page and will try again{" "}
            {seconds > 0 ? `in ${seconds} seconds` : "now"}.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={() => void saver.flush()}
          >
            Try again now
          </button>
        </div>
      </div>
    );
  }
  if (saveState.kind === "refused") {
    return (
      <div className="govuk-inset-text app-save-warning" role="alert">
        Your latest answers have not been saved: {saveState.message}. Change that answer and we will save again.
      </div>
    );
  }
  if (saveState.kind === "conflict") {
    return (
      <div className="govuk-notification-banner app-save-warning" role="alert" aria-labelledby="save-status-title">
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="save-status-title">
            Not saved
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          <p className="govuk-notification-banner__heading">
            This draft was changed in another window or on another device.
          </p>
          <p className="govuk-body">
            To avoid losing those changes we have not saved these. Copy anything you need from this page, then reload
            it.
          </p>
        </div>
      </div>
    );
  }
  return (
    // Not a live region: a routine save is announced to nobody, or a screen reader would
    // speak at every pause in typing. Failures above are alerts.
    <p className="govuk-body-s app-save-status">
      {saveState.kind === "saving"
        ? "Saving…"
        : saveState.kind === "pending"
          ? "Changes not saved yet"
          : saveState.at
            ? `Draft saved at ${formatTime(saveState.at)}`
            : "Your answers are saved as a draft as you go."}
    </p>
  );
}
