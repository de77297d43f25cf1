import type { SignInResponse } from "@cse/contracts";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import { useAuth } from "../../auth/AuthContext.tsx";
import { safeReturnPath } from "../../auth/RequireAuth.tsx";
import {
  Button,
  ErrorSummary,
  TextInput,
  errorsFromForm,
  type ErrorSummaryItem,
} from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { signInFailure } from "./sign-in-failure.ts";
import { signInFields, signInFormSchema, type SignInFormInput, type SignInFormValues } from "./sign-in-form.ts";

export function SignInPage() {
  const { state, signedIn } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get("returnTo"));
  const [failure, setFailure] = useState<ErrorSummaryItem | null>(null);
  const form = useForm<SignInFormInput, unknown, SignInFormValues>({
    resolver: zodResolver(signInFormSchema),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const summary = [...errorsFromForm(errors, { order: signInFields }), ...(failure ? [failure] : [])];
  usePageTitle("Sign in", summary.length > 0);

  if (state.status === "signed-in") return <Navigate to={returnTo} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await api.post<SignInResponse>("/api/auth/login", values);
      const next = `?returnTo=${encodeURIComponent(returnTo)}`;
      if (result.status === "signed-in") {
        signedIn(result.user, result.session);
        await navigate(returnTo, { replace: true });
      } else if (result.status === "second-factor-required") {
        await navigate(`/sign-in/code${next}`);
      } else {
        await navigate(`/sign-in/set-up-authenticator${next}`);
      }
    } catch (error) {
      form.resetField("password");
      setFailure(signInFailure(error, form.setError));
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">Use the email address of your work account.</p>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            error={errors.email?.message}
            {...form.register("email")}
          />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...form.register("password")}
          />
          <Button disabled={isSubmitting} preventDoubleClick>
            Sign in
          </Button>
        </form>
        <p className="govuk-body">
          If you have forgotten your password or cannot sign in, ask your organisation's administrator for a new sign-in
          link.
        </p>
      </div>
    </div>
  );
}
