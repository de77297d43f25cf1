import { consentLabels, lawfulBasisLabels, type ReferralFormValues } from "@cse/contracts";
import type { UseFormReturn } from "react-hook-form";
import { RadioField, TextareaField, yesNoOptions, yesNoUnknownOptions } from "./fields.tsx";

export function InformationSharingSection({ form }: { form: UseFormReturn<ReferralFormValues> }) {
  return (
    <>
      <RadioField
        form={form}
        path="informationSharing.parentsAware"
        legend="Do the child's parents or carers know you are making this referral?"
        options={yesNoUnknownOptions}
        inline
      />
      <RadioField
        form={form}
        path="informationSharing.childAware"
        legend="Does the child know you are making this referral?"
        options={yesNoUnknownOptions}
        inline
      />
      <RadioField
        form={form}
        path="informationSharing.consent"
        legend="Was consent given to share this information?"
        options={Object.entries(consentLabels).map(([value, label]) => ({
          value,
          label,
          ...(value !== "GIVEN"
            ? {
                conditional: (
                  <TextareaField
                    form={form}
                    path="informationSharing.sharingWithoutConsentReason"
                    label="Why are you sharing without consent?"
                    hint="For example, asking for consent could put the child at risk of significant harm."
                    rows={3}
                  />
                ),
              }
            : {}),
        }))}
      />
      <RadioField
        form={form}
        path="informationSharing.lawfulBasis"
        legend="What is the lawful basis for sharing this information?"
        options={Object.entries(lawfulBasisLabels).map(([value, label]) => ({ value, label }))}
      />
      <RadioField
        form={form}
        path="informationSharing.referrerIdentityShareable"
        legend="Can the team tell the family who made this referral?"
        options={yesNoOptions}
        inline
      />
    </>
  );
}
