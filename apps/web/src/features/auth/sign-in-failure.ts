import type { UseFormSetError } from "react-hook-form";
import { ApiError, isServiceUnavailable } from "../../api/errors.ts";
import type { ErrorSummaryItem } from "../../components/govuk/index.ts";
import { applyServerFailure } from "../forms/server-errors.ts";
import { signInFields, type SignInFormInput } from "./sign-in-form.ts";

/** What to tell someone whose sign-in failed, for the error summary. */
export function signInFailure(error: unknown, setError: UseFormSetError<SignInFormInput>): ErrorSummaryItem | null {
  if (isServiceUnavailable(error)) return { text: "Sign-in is not available yet. Try again later." };
  // Never say which of the two was wrong: that would tell an attacker which addresses have accounts.
  if (error instanceof ApiError && error.status === 401)
    return { fieldId: "email", text: "Enter a correct email address and password" };
  const text = applyServerFailure(error, setError, signInFields);
  return text ? { text } : null;
}
