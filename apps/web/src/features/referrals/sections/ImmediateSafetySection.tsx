import type { ReferralFormValues } from "@cse/contracts";
import type { UseFormReturn } from "react-hook-form";
import { RadioField } from "./fields.tsx";

export function ImmediateSafetySection({ form }: { form: UseFormReturn<ReferralFormValues> }) {
  const inDanger = form.watch("immediateDanger") === "yes";
  return (
    <>
      {inDanger ? (
        <div className="govuk-notification-banner app-emergency" role="alert" aria-labelledby="emergency-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="emergency-title">
              Call 999 now
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              If the child is in immediate danger, call 999 before you do anything else.
            </p>
            <p className="govuk-body">
              Then finish this referral. It will be marked as urgent and the team will be told straight away.
            </p>
          </div>
        </div>
      ) : null}
      <RadioField
        form={form}
        path="immediateDanger"
        legend="Is the child in immediate danger?"
        legendSize="m"
        hint="For example, they are with someone who is harming them now, or are missing and at risk tonight."
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
    </>
  );
}
