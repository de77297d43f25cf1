import type { ReactNode } from "react";

/** govuk-frontend 6's tag colours; without one the tag is blue. */
export type TagColour = "grey" | "green" | "teal" | "purple" | "magenta" | "red" | "orange" | "yellow";

export function Tag({ colour, children }: { colour?: TagColour | undefined; children: ReactNode }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ""}`}>{children}</strong>;
}
