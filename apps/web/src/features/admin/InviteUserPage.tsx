import { inviteUserRequestSchema, type InvitationIssued } from "@cse/contracts/admin";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import type { z } from "zod/mini";
import { api } from "../../api/client.ts";
import { BackLink, Button, ErrorSummary, TextInput, errorsFromForm } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { useStepUp } from "../auth/use-step-up.tsx";
import { treatBlankAs } from "../forms/blank-fields.ts";
import { applyServerFailure } from "../forms/server-errors.ts";
import { InvitationLink } from "./InvitationLink.tsx";
import { MembershipFields, type MembershipValues } from "./MembershipFields.tsx";
import { useReferenceLists } from "./use-reference-lists.ts";

type InviteForm = z.input<typeof inviteUserRequestSchema>;
const fields = ["displayName", "email", "jobTitle", "role", "teamId", "organisationId"];

export function InviteUserPage() {
  const { organisations, teams } = useReferenceLists();
  const [issued, setIssued] = useState<InvitationIssued | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { withStepUp, dialog } = useStepUp();
  const form = useForm<InviteForm>({
    resolver: treatBlankAs(zodResolver(inviteUserRequestSchema), {
      teamId: null,
      jobTitle: undefined,
      organisationId: undefined,
    }),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });
  const summary = [...errorsFromForm(errors, { order: fields }), ...(failure ? [{ text: failure }] : [])];
  usePageTitle(issued ? "User invited" : "Invite a user", summary.length > 0);

  if (issued) return <InvitationLink issued={issued} heading="User invited" />;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      setIssued(await withStepUp(() => api.post<InvitationIssued>("/api/admin/users", values)));
    } catch (error) {
      setFailure(applyServerFailure(error, form.setError, fields));
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/users" />
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <h1 className="govuk-heading-l">Invite a user</h1>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="displayName"
            label="Full name"
            autoComplete="off"
            spellCheck={false}
            error={errors.displayName?.message}
            {...form.register("displayName")}
          />
          <TextInput
            id="email"
            label="Work email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
            error={errors.email?.message}
            {...form.register("email")}
          />
          <TextInput
            id="jobTitle"
            label="Job title (optional)"
            error={errors.jobTitle?.message}
            {...form.register("jobTitle")}
          />
          <MembershipFields
            register={form.register as unknown as UseFormRegister<MembershipValues>}
            errors={errors}
            role={role}
            organisations={organisations}
            teams={teams}
          />
          <Button disabled={isSubmitting} preventDoubleClick>
            Invite user
          </Button>
        </form>
        {dialog}
      </div>
    </div>
  );
}
