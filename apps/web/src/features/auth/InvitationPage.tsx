import { acceptInvitationRequestSchema, MINIMUM_PASSWORD_LENGTH, type Invitation } from "@cse/contracts";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";
import type { z } from "zod/mini";
import { api } from "../../api/client.ts";
import { ApiError, describeFailure } from "../../api/errors.ts";
import { Button, ErrorSummary, Panel, TextInput, errorsFromForm } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { applyServerFailure } from "../forms/server-errors.ts";

type PasswordForm = z.input<typeof acceptInvitationRequestSchema>;

/** A one-time link from an administrator: set a first password, or a new one. */
export function InvitationPage() {
  const { token = "" } = useParams();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PasswordForm>({
    resolver: zodResolver(acceptInvitationRequestSchema),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const summary = [...errorsFromForm(errors), ...(failure ? [{ fieldId: "password", text: failure }] : [])];
  const heading = invitation?.isReset ? "Choose a new password" : "Create your password";
  usePageTitle(linkProblem ? "This link cannot be used" : done ? "Password set" : heading, summary.length > 0);

  useEffect(() => {
    api.get<Invitation>(`/api/invitations/${encodeURIComponent(token)}`).then(setInvitation, (error: unknown) => {
      setLinkProblem(
        error instanceof ApiError && error.status === 404 ? (error.detail ?? error.title) : describeFailure(error),
      );
    });
  }, [token]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.post(`/api/invitations/${encodeURIComponent(token)}`, values);
      setDone(true);
    } catch (error) {
      setFailure(applyServerFailure(error, form.setError, ["password"]));
    }
  });

  if (linkProblem) {
    return (
      <>
        <h1 className="govuk-heading-l">This link cannot be used</h1>
        <p className="govuk-body">{linkProblem}</p>
      </>
    );
  }
  if (done) {
    return (
      <>
        <Panel title="Password set" />
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  if (!invitation)
    return (
      <p className="govuk-body" role="status">
        Checking your link…
      </p>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">
          For {invitation.displayName} ({invitation.email}).
        </p>
        <form noValidate onSubmit={onSubmit}>
          <input type="text" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={`Use ${MINIMUM_PASSWORD_LENGTH} characters or more. A good way to make a strong password is to use three random words.`}
            error={errors.password?.message}
            {...form.register("password")}
          />
          <Button disabled={isSubmitting} preventDoubleClick>
            Save password
          </Button>
        </form>
      </div>
    </div>
  );
}
