import { consentLabels, lawfulBasisHints, lawfulBasisLabels, type ReferralFormValues } from "@cse/contracts";
import type { UseFormReturn } from "react-hook-form";
import { asText, RadioField, TextareaField, yesNoOptions, yesNoUnknownOptions } from "./fields.tsx";

const WITHOUT_CONSENT = new Set(["REFUSED", "NOT_SOUGHT"]);

export function InformationSharingSection({ form }: { form: UseFormReturn<ReferralFormValues> }) {
  const consent = asText(form.watch("informationSharing.consent"));
  const lawfulBasis = asText(form.watch("informationSharing.lawfulBasis"));
  // Consent is offered as the lawful basis only when it was given (or when it was chosen
  // before, so the user can see the answer the error is about and change it).
  const bases = Object.entries(lawfulBasisLabels).filter(
    ([value]) => value !== "CONSENT" || consent === "GIVEN" || lawfulBasis === "CONSENT",
  );
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
        options={Object.entries(consentLabels).map(([value, label]) => ({ value, label }))}
      />
      {/* One question for both "refused" and "not sought", shown once, where it applies. */}
      {WITHOUT_CONSENT.has(consent) ? (
        <TextareaField
          form={form}
          path="informationSharing.sharingWithoutConsentReason"
          label="Why are you sharing without consent?"
          hint="For example, asking for consent could put the child at risk of significant harm."
          rows={3}
        />
      ) : null}
      <RadioField
        form={form}
        path="informationSharing.lawfulBasis"
        legend="Why are you allowed to share this information?"
        hint="This is your lawful basis for sharing. The law it comes from is under each answer."
        options={bases.map(([value, label]) => ({
          value,
          label,
          hint: lawfulBasisHints[value as keyof typeof lawfulBasisHints],
        }))}
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
