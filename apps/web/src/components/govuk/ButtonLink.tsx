import type { ReactNode } from "react";
import { Link } from "react-router";
import { buttonClass, type ButtonProps } from "./Button.tsx";
import { StartIcon } from "./StartIcon.tsx";

/**
 * A link that looks like a button (a start button, or "Invite a user"). GOV.UK gives it
 * role="button"; its script makes the space bar press it, which we do here instead.
 */
export function ButtonLink({
  to,
  variant,
  isStartButton,
  children,
}: {
  to: string;
  variant?: ButtonProps["variant"];
  isStartButton?: boolean;
  children: ReactNode;
}) {
  return (
    <Link
      to={to}
      role="button"
      draggable="false"
      className={buttonClass(variant, isStartButton)}
      onKeyDown={(event) => {
        if (event.key === " ") {
          event.preventDefault();
          event.currentTarget.click();
        }
      }}
    >
      {children}
      {isStartButton ? <StartIcon /> : null}
    </Link>
  );
}
