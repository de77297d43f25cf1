import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextInput } from "../../components/govuk/index.ts";

/** The 6-digit code from an authenticator app: numeric keypad, and the phone may fill it in. */
export function TotpCodeInput({
  label,
  hint,
  labelIsPageHeading,
  error,
  field,
}: {
  label: ReactNode;
  hint?: ReactNode;
  labelIsPageHeading?: boolean;
  error: string | undefined;
  field: UseFormRegisterReturn;
}) {
  return (
    <TextInput
      id="code"
      label={label}
      {...(hint ? { hint } : {})}
      {...(labelIsPageHeading ? { labelIsPageHeading } : {})}
      autoComplete="one-time-code"
      inputMode="numeric"
      spellCheck={false}
      width="5"
      error={error}
      {...field}
    />
  );
}
