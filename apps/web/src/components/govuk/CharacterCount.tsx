import { useEffect, useState } from "react";

function remainingText(maximum: number, current: number): string {
  const left = maximum - current;
  const count = Math.abs(left);
  const characters = `character${count === 1 ? "" : "s"}`;
  return left >= 0 ? `You have ${count} ${characters} remaining` : `You have ${count} ${characters} too many`;
}

/**
 * GOV.UK's character count messages, as its script writes them: a fixed limit that the field
 * describes itself with, a visible count, and a polite announcement once typing pauses.
 */
export function CharacterCount({ id, maximum, current }: { id: string; maximum: number; current: number }) {
  const status = remainingText(maximum, current);
  const [announced, setAnnounced] = useState(status);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(status), 1000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <>
      <div id={`${id}-info`} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {maximum} characters
      </div>
      <div
        className={`govuk-character-count__message govuk-character-count__status ${current > maximum ? "govuk-error-message" : "govuk-hint"}`}
        aria-hidden="true"
      >
        {status}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {announced}
      </div>
    </>
  );
}
