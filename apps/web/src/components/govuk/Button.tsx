import { useRef, type ButtonHTMLAttributes } from "react";

/** A GOV.UK button; a second click within a second is ignored when preventDoubleClick is set. */
export function Button({ variant = "primary", isStartButton, preventDoubleClick, children, onClick, type = "submit", ...button }: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "warning";
  isStartButton?: boolean;
  preventDoubleClick?: boolean;
}) {
  const lastClick = useRef(0);
  const classes = ["govuk-button", variant !== "primary" && `govuk-button--${variant}`, isStartButton && "govuk-button--start"].filter(Boolean).join(" ");
  return (
    <button
      {...button}
      type={type}
      className={classes}
      data-module="govuk-button"
      onClick={(event) => {
        if (preventDoubleClick) {
          if (Date.now() - lastClick.current < 1000) {
            event.preventDefault();
            return;
          }
          lastClick.current = Date.now();
        }
        onClick?.(event);
      }}
    >
      {children}
      {isStartButton ? (
        <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      ) : null}
    </button>
  );
}
