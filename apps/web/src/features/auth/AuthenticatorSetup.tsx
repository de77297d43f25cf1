import { totpCodeSchema, type EnrolmentResponse } from "@cse/contracts";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod/mini";
import { api } from "../../api/client.ts";
import { describeFailure } from "../../api/errors.ts";
import { Button, Details, ErrorSummary, errorsFromForm } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { TotpCodeInput } from "./TotpCodeInput.tsx";
import { applyServerFailure } from "../forms/server-errors.ts";

const confirmForm = z.object({ code: totpCodeSchema });

/** Shows a new secret as a QR code and takes the first code the app makes, to prove it has it. */
export function AuthenticatorSetup<T>({
  enrolmentPath,
  onEnrolled,
  intro,
}: {
  enrolmentPath: string;
  onEnrolled: (result: T) => void;
  intro?: string;
}) {
  const [enrolment, setEnrolment] = useState<EnrolmentResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ code: string }>({
    resolver: zodResolver(confirmForm),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const summary = [...errorsFromForm(errors), ...(failure ? [{ fieldId: "code", text: failure }] : [])];
  usePageTitle("Set up your authenticator app", summary.length > 0);

  useEffect(() => {
    api
      .get<EnrolmentResponse>(enrolmentPath)
      .then(setEnrolment, (error: unknown) => setFailure(describeFailure(error)));
  }, [enrolmentPath]);

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setFailure(null);
    try {
      onEnrolled(await api.post<T>(enrolmentPath, { code }));
    } catch (error) {
      form.resetField("code");
      setFailure(applyServerFailure(error, form.setError, ["code"]));
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <h1 className="govuk-heading-l">Set up your authenticator app</h1>
        <p className="govuk-body">
          {intro ??
            "Your account needs a second step to sign in, because it gives access to information about children."}
        </p>
        <ol className="govuk-list govuk-list--number">
          <li>
            Install an authenticator app on your work phone, if it does not have one (for example Microsoft
            Authenticator or Google Authenticator).
          </li>
          <li>In the app, add an account and scan the QR code below.</li>
          <li>Enter the 6-digit code the app shows.</li>
        </ol>
        {enrolment ? (
          <>
            <img
              className="app-qr-code"
              src={enrolment.qrCodeDataUri}
              alt="QR code to scan with your authenticator app"
            />
            <Details summary="I cannot scan the QR code">
              <p className="govuk-body">Choose to enter a key in your app, and type this key:</p>
              <p className="govuk-body app-secret-key">{enrolment.secret.match(/.{1,4}/g)?.join(" ")}</p>
            </Details>
            <form noValidate onSubmit={onSubmit}>
              <TotpCodeInput
                label="Code from your authenticator app"
                error={errors.code?.message}
                field={form.register("code")}
              />
              <Button disabled={isSubmitting} preventDoubleClick>
                Continue
              </Button>
            </form>
          </>
        ) : failure ? null : (
          <p className="govuk-body" role="status">
            Preparing your QR code…
          </p>
        )}
      </div>
    </div>
  );
}
