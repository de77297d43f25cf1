import { changePasswordRequestSchema, MINIMUM_PASSWORD_LENGTH } from "@cse/contracts";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import type { z } from "zod/mini";
import { api } from "../../api/client.ts";
import { BackLink, Button, ErrorSummary, TextInput, errorsFromForm } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { applyServerFailure } from "../forms/server-errors.ts";

type ChangePasswordForm = z.input<typeof changePasswordRequestSchema>;

export function ChangePasswordPage() {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(changePasswordRequestSchema),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const summary = [
    ...errorsFromForm(errors, { order: ["currentPassword", "newPassword"] }),
    ...(failure ? [{ text: failure }] : []),
  ];
  usePageTitle("Change your password", summary.length > 0);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.post("/api/auth/password", values);
      await navigate("/account?passwordChanged=1");
    } catch (error) {
      setFailure(applyServerFailure(error, form.setError, ["currentPassword", "newPassword"]));
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account" />
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <h1 className="govuk-heading-l">Change your password</h1>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword?.message}
            {...form.register("currentPassword")}
          />
          <TextInput
            id="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`Use ${MINIMUM_PASSWORD_LENGTH} characters or more. A good way to make a strong password is to use three random words. Do not use a password you use anywhere else.`}
            error={errors.newPassword?.message}
            {...form.register("newPassword")}
          />
          <p className="govuk-body">When you change your password, you will be signed out everywhere else.</p>
          <Button disabled={isSubmitting} preventDoubleClick>
            Change password
          </Button>
        </form>
      </div>
    </div>
  );
}
