import { formatDateTime } from "../../format/london-time.ts";
import { agencyLabels, roleLabels } from "@cse/contracts";
import { updateUserRequestSchema, type AdminUser, type InvitationIssued } from "@cse/contracts/admin";
import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useEffect, useState } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { useParams } from "react-router";
import type { z } from "zod/mini";
import { api } from "../../api/client.ts";
import { describeFailure } from "../../api/errors.ts";
import { useCurrentUser } from "../../auth/AuthContext.tsx";
import {
  BackLink,
  Button,
  ErrorSummary,
  NotificationBanner,
  SummaryList,
  TextInput,
  errorsFromForm,
} from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { useStepUp } from "../auth/use-step-up.tsx";
import { treatBlankAs } from "../forms/blank-fields.ts";
import { applyServerFailure } from "../forms/server-errors.ts";
import { InvitationLink } from "./InvitationLink.tsx";
import { MembershipFields, type MembershipValues } from "./MembershipFields.tsx";
import { useReferenceLists } from "./use-reference-lists.ts";

type EditForm = z.input<typeof updateUserRequestSchema>;
const fields = ["displayName", "jobTitle", "role", "teamId", "organisationId"];

export function UserPage() {
  const { id = "" } = useParams();
  const me = useCurrentUser();
  const { organisations, teams } = useReferenceLists();
  const [user, setUser] = useState<AdminUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [issued, setIssued] = useState<InvitationIssued | null>(null);
  const { withStepUp, dialog } = useStepUp();
  const form = useForm<EditForm>({
    resolver: treatBlankAs(zodResolver(updateUserRequestSchema), { teamId: null, jobTitle: null }),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });
  const summary = [...errorsFromForm(errors, { order: fields }), ...(failure ? [{ text: failure }] : [])];
  usePageTitle(user?.displayName ?? "User", summary.length > 0);

  const show = useCallback(
    (loaded: AdminUser) => {
      setUser(loaded);
      form.reset({
        displayName: loaded.displayName,
        jobTitle: loaded.jobTitle ?? "",
        role: loaded.role,
        organisationId: loaded.organisation.id,
        teamId: loaded.team?.id ?? "",
      });
    },
    [form],
  );

  useEffect(() => {
    api.get<AdminUser>(`/api/admin/users/${id}`).then(show, (error: unknown) => setFailure(describeFailure(error)));
  }, [id, show]);

  const act = async (path: string, done: string) => {
    setFailure(null);
    setNotice(null);
    try {
      show(await withStepUp(() => api.post<AdminUser>(`/api/admin/users/${id}/${path}`)));
      setNotice(done);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    setNotice(null);
    try {
      show(await withStepUp(() => api.patch<AdminUser>(`/api/admin/users/${id}`, values)));
      setNotice("Changes saved. If their access changed, they have been signed out.");
    } catch (error) {
      setFailure(applyServerFailure(error, form.setError, fields));
    }
  });

  if (issued)
    return (
      <InvitationLink
        issued={issued}
        heading={issued.user.status === "ACTIVE" ? "New sign-in link created" : "New invitation created"}
      />
    );
  if (!user)
    return failure ? (
      <ErrorSummary items={[{ text: failure }]} />
    ) : (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  const isMe = user.id === me.id;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/users" />
        {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <span className="govuk-caption-l">{user.email}</span>
        <h1 className="govuk-heading-l">{user.displayName}</h1>
        <SummaryList
          rows={[
            {
              key: "Status",
              value:
                user.status === "ACTIVE"
                  ? "Active"
                  : user.status === "INVITED"
                    ? "Invited (no password yet)"
                    : "Disabled",
            },
            { key: "Role", value: roleLabels[user.role] },
            { key: "Organisation", value: `${user.organisation.name} (${agencyLabels[user.agency]})` },
            { key: "Team", value: user.team?.name ?? "None" },
            { key: "Authenticator app", value: user.secondFactorEnabled ? "Set up" : "Not set up" },
            {
              key: "Last signed in",
              value: user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never",
            },
          ]}
        />
        <h2 className="govuk-heading-m">Change details</h2>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="displayName"
            label="Full name"
            error={errors.displayName?.message}
            {...form.register("displayName")}
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
            Save changes
          </Button>
        </form>
        {!isMe ? (
          <>
            <h2 className="govuk-heading-m">Access</h2>
            <div className="govuk-button-group">
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setFailure(null);
                  withStepUp(() => api.post<InvitationIssued>(`/api/admin/users/${id}/invitation`)).then(
                    setIssued,
                    (error: unknown) => setFailure(describeFailure(error)),
                  );
                }}
              >
                {user.status === "INVITED" ? "Create a new invitation link" : "Create a password reset link"}
              </Button>
              {user.secondFactorEnabled ? (
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() =>
                    void act(
                      "reset-second-factor",
                      "Their authenticator app has been removed. They will set up a new one when they next sign in.",
                    )
                  }
                >
                  Reset authenticator app
                </Button>
              ) : null}
              {user.status === "DISABLED" ? (
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => void act("enable", "The account has been enabled.")}
                >
                  Enable account
                </Button>
              ) : (
                <Button
                  type="button"
                  variant="warning"
                  onClick={() => void act("disable", "The account has been disabled and signed out everywhere.")}
                >
                  Disable account
                </Button>
              )}
            </div>
          </>
        ) : null}
        {dialog}
      </div>
    </div>
  );
}
