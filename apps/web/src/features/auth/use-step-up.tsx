import { useCallback, useState, type ReactNode } from "react";
import { ApiError } from "../../api/errors.ts";
import { StepUpDialog } from "./StepUpDialog.tsx";

function isStepUpRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.type.endsWith(":step-up-required");
}

/** The administrator closed "Confirm it is you": nothing was changed. */
export class StepUpCancelled extends ApiError {
  constructor() {
    super({
      status: 403,
      title: "Confirm it is you",
      detail: "Nothing was changed. To make this change, confirm it is you with the code from your authenticator app.",
    });
  }
}

/**
 * Runs an API call that may need a step-up: when the API asks for one, shows "Confirm it is
 * you" and, once confirmed, makes the same call again. Render `dialog` in the page.
 */
export function useStepUp(): {
  withStepUp: <T>(call: () => Promise<T>) => Promise<T>;
  dialog: ReactNode;
} {
  const [waiting, setWaiting] = useState<{ confirmed: () => void; cancelled: () => void } | null>(null);

  const withStepUp = useCallback(async <T,>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (!isStepUpRequired(error)) throw error;
      await new Promise<void>((resolve, reject) =>
        setWaiting({ confirmed: resolve, cancelled: () => reject(new StepUpCancelled()) }),
      );
      return call();
    }
  }, []);

  const dialog = waiting ? (
    <StepUpDialog
      onConfirmed={() => {
        setWaiting(null);
        waiting.confirmed();
      }}
      onCancel={() => {
        setWaiting(null);
        waiting.cancelled();
      }}
    />
  ) : null;
  return { withStepUp, dialog };
}
