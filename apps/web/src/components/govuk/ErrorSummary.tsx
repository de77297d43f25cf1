import { useEffect, useRef, type MouseEvent } from "react";

export interface ErrorSummaryItem {
  /** The id of the field to focus, without "#"; none for a problem with no one field. */
  readonly fieldId?: string | undefined;
  readonly text: string;
}

/** The label or legend that names a field, so it stays in view when the field is focused. */
function captionFor(field: HTMLElement): HTMLElement | null {
  const legend = field.closest("fieldset")?.querySelector("legend");
  return legend ?? document.querySelector<HTMLElement>(`label[for="${CSS.escape(field.id)}"]`);
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus({ preventScroll: true });
  (captionFor(field) ?? field).scrollIntoView({ block: "start" });
}

/**
 * "There is a problem": shown above the page heading, and focused so screen readers announce it.
 * It takes the focus only after the user acts: once for each `focusKey` (a form's submit count),
 * never because its text changed while they type (WCAG 3.2.2). Without a key, once for each
 * new set of problems (a failure that only an action can cause).
 */
export function ErrorSummary({
  items,
  title = "There is a problem",
  focusKey,
}: {
  items: readonly ErrorSummaryItem[];
  title?: string;
  focusKey?: number;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const focusedFor = useRef<unknown>(undefined);
  const signature = items.map((item) => `${item.fieldId ?? ""}:${item.text}`).join("|");
  const key = focusKey ?? signature;
  useEffect(() => {
    if (!signature || focusedFor.current === key) return;
    focusedFor.current = key;
    summary.current?.focus();
  }, [signature, key]);
  if (items.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map(({ fieldId, text }, index) => (
              <li key={`${index}:${fieldId ?? ""}`}>
                {fieldId ? (
                  <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
