import { useRef, type ButtonHTMLAttributes } from "react";
import { StartIcon } from "./StartIcon.tsx";

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className" | "style"> {
  readonly variant?: "primary" | "secondary" | "warning";
  readonly isStartButton?: boolean;
  /** Ignores a second click within a second, so a double-click cannot submit a form twice. */
  readonly preventDoubleClick?: boolean;
}

export function buttonClass(variant: ButtonProps["variant"] = "primary", isStartButton = false): string {
  return `govuk-button${variant === "primary" ? "" : ` govuk-button--${variant}`}${isStartButton ? " govuk-button--start" : ""}`;
}

export function Button({
  variant,
  isStartButton,
  preventDoubleClick,
  children,
  onClick,
  type = "submit",
  ...button
}: ButtonProps) {
  const lastClick = useRef(Number.NEGATIVE_INFINITY);
  return (
    <button
      {...button}
      type={type}
      className={buttonClass(variant, isStartButton)}
      onClick={(event) => {
        if (preventDoubleClick) {
          if (event.timeStamp - lastClick.current < 1000) {
            event.preventDefault();
            return;
          }
          lastClick.current = event.timeStamp;
        }
        onClick?.(event);
      }}
    >
      {children}
      {isStartButton ? <StartIcon /> : null}
    </button>
  );
}
