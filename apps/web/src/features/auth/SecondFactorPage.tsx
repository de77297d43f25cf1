import { recoveryCodeSchema, totpCodeSchema, type SignedIn } from "@cse/contracts";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useNavigate, useSearchParams } from "react-router";
import { z } from "zod/mini";
import { api } from "../../api/client.ts";
import { ApiError } from "../../api/errors.ts";
import { useAuth } from "../../auth/AuthContext.tsx";
import { safeReturnPath } from "../../auth/RequireAuth.tsx";
import { Button, ErrorSummary, TextInput, errorsFromForm } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { TotpCodeInput } from "./TotpCodeInput.tsx";
import { applyServerFailure } from "../forms/server-errors.ts";

const codeForm = z.object({ code: totpCodeSchema });
const recoveryForm = z.object({ code: recoveryCodeSchema });

export function SecondFactorPage() {
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get("returnTo"));
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ code: string }>({
    resolver: zodResolver(useRecoveryCode ? recoveryForm : codeForm),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const summary = [...errorsFromForm(errors), ...(failure ? [{ fieldId: "code", text: failure }] : [])];
  usePageTitle(
    useRecoveryCode ? "Enter a recovery code" : "Enter the code from your authenticator app",
    summary.length > 0,
  );

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setFailure(null);
    try {
      const result = await api.post<SignedIn>(
        "/api/auth/second-factor",
        useRecoveryCode ? { recoveryCode: code } : { code },
      );
      signedIn(result.user, result.session);
      await navigate(returnTo, { replace: true });
    } catch (error) {
      form.resetField("code");
      if (error instanceof ApiError && error.status === 401 && error.detail?.startsWith("Sign in again")) {
        await navigate(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
        return;
      }
      setFailure(applyServerFailure(error, form.setError, ["code"]));
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <form noValidate onSubmit={onSubmit}>
          {useRecoveryCode ? (
            <TextInput
              id="code"
              labelIsPageHeading
              label="Enter a recovery code"
              hint="Each recovery code works once. It looks like ABCDE-FGHIJ."
              autoComplete="off"
              spellCheck={false}
              width="10"
              error={errors.code?.message}
              {...form.register("code")}
            />
          ) : (
            <TotpCodeInput
              labelIsPageHeading
              label="Enter the code from your authenticator app"
              hint="Open the authenticator app on your phone. The code is 6 digits and changes every 30 seconds."
              error={errors.code?.message}
              field={form.register("code")}
            />
          )}
          <Button disabled={isSubmitting} preventDoubleClick>
            Continue
          </Button>
        </form>
        <p className="govuk-body">
          <button
            type="button"
            className="app-link-button govuk-!-font-weight-regular"
            onClick={() => {
              setUseRecoveryCode(!useRecoveryCode);
              setFailure(null);
              form.reset();
            }}
          >
            {useRecoveryCode ? "Use a code from your authenticator app instead" : "I cannot use my authenticator app"}
          </button>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in with a different account
          </Link>
        </p>
      </div>
    </div>
  );
}
