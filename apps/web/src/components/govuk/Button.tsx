import { useRef, type ButtonHTMLAttributes, type MouseEvent } from "react";
import { StartIcon } from "./StartIcon.tsx";

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className" | "style"> {
  readonly variant?: "primary" | "secondary" | "warning";
  readonly isStartButton?: boolean;
  /** Ignores a repeat click within a second on an unchanged form, so a double-click submits once. */
  readonly preventDoubleClick?: boolean;
}

export function buttonClass(variant: ButtonProps["variant"] = "primary", isStartButton = false): string {
  return `govuk-button${variant === "primary" ? "" : ` govuk-button--${variant}`}${isStartButton ? " govuk-button--start" : ""}`;
}

/** What the form holds now; a click after the user changed something is a new attempt. */
function formContents(button: HTMLButtonElement): string {
  if (!button.form) return "";
  return [...new FormData(button.form)]
    .map(([name, value]) => `${name}=${typeof value === "string" ? value : value.name}`)
    .join("&");
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
  const lastClick = useRef<{ at: number; contents: string } | null>(null);
  const isRepeat = (event: MouseEvent<HTMLButtonElement>) => {
    const click = { at: event.timeStamp, contents: formContents(event.currentTarget) };
    const previous = lastClick.current;
    lastClick.current = click;
    return previous !== null && click.at - previous.at < 1000 && click.contents === previous.contents;
  };
  return (
    <button
      {...button}
      type={type}
      className={buttonClass(variant, isStartButton)}
      onClick={(event) => {
        if (preventDoubleClick && isRepeat(event)) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {children}
      {isStartButton ? <StartIcon /> : null}
    </button>
  );
}
