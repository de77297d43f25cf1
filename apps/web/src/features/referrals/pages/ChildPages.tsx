import { genderLabels, type ReferralFormValues } from "@cse/contracts";
import type { UseFormReturn } from "react-hook-form";
import { DateField, RadioField, TextareaField, TextField, yesNoUnknownOptions } from "../sections/fields.tsx";

type Form = UseFormReturn<ReferralFormValues>;

export function ChildWhoPage({
  form,
  dateParts,
}: {
  form: Form;
  dateParts: (path: string) => readonly ("day" | "month" | "year")[] | undefined;
}) {
  return (
    <>
      <TextField
        form={form}
        path="child.givenNames"
        label="First name"
        autoComplete="off"
        spellCheck={false}
        width="20"
      />
      <TextField
        form={form}
        path="child.familyName"
        label="Last name"
        autoComplete="off"
        spellCheck={false}
        width="20"
      />
      <TextareaField
        form={form}
        path="child.aliases"
        label="Other names they are known by (optional)"
        hint="Nicknames, other spellings or names used online. Put each on a new line."
        rows={2}
      />
      <RadioField
        form={form}
        path="child.dateOfBirthKnown"
        legend="Do you know their date of birth?"
        options={[
          {
            value: "yes",
            label: "Yes",
            conditional: (
              <DateField
                form={form}
                path="child.dateOfBirth"
                legend="Date of birth"
                hint="For example, 27 3 2012"
                parts={dateParts("child.dateOfBirth")}
              />
            ),
          },
          {
            value: "no",
            label: "No",
            conditional: (
              <TextField
                form={form}
                path="child.estimatedAgeYears"
                label="Their approximate age in years"
                inputMode="numeric"
                width="3"
              />
            ),
          },
        ]}
      />
      <RadioField
        form={form}
        path="child.gender"
        legend="Gender (optional)"
        options={Object.entries(genderLabels).map(([value, label]) => ({ value, label }))}
      />
    </>
  );
}

export function ChildNeedsPage({ form }: { form: Form }) {
  return (
    <>
      <TextField form={form} path="child.ethnicity" label="Ethnicity (optional)" width="20" />
      <TextField form={form} path="child.firstLanguage" label="First language (optional)" width="20" />
      <RadioField
        form={form}
        path="child.interpreterNeeded"
        legend="Do they need an interpreter? (optional)"
        options={yesNoUnknownOptions}
        inline
      />
      {/* One question, with the learning disability as its follow-up: a learning disability
          decides the routing (DESIGN §3), so it is asked of anyone who says yes. */}
      <RadioField
        form={form}
        path="child.disabilityOrDifficulty"
        legend="Do they have a disability, or a difficulty with learning, communication or mental health? (optional)"
        options={yesNoUnknownOptions.map((option) =>
          option.value === "YES"
            ? {
                ...option,
                conditional: (
                  <>
                    <RadioField
                      form={form}
                      path="child.learningDisability"
                      legend="Is it a learning disability?"
                      hint="Children with a learning disability are always passed to a team for a response."
                      options={yesNoUnknownOptions}
                      inline
                    />
                    <TextareaField
                      form={form}
                      path="child.disabilityDetails"
                      label="Tell us about it (optional)"
                      rows={3}
                    />
                  </>
                ),
              }
            : option,
        )}
      />
    </>
  );
}

export function ChildWherePage({ form }: { form: Form }) {
  return (
    <>
      <TextareaField form={form} path="child.homeAddress" label="Home address (optional)" rows={3} />
      <TextField
        form={form}
        path="child.homePostcode"
        label="Home postcode (optional)"
        hint="This decides which team gets the referral. Leave it blank if you do not know it."
        autoComplete="off"
        width="10"
      />
      <TextareaField
        form={form}
        path="child.currentWhereabouts"
        label="Where they are now, if different (optional)"
        rows={2}
      />
      <TextField form={form} path="child.currentPostcode" label="Postcode where they are now (optional)" width="10" />
      <TextField form={form} path="child.school" label="School or college (optional)" width="30" />
    </>
  );
}

export function ChildFamilyPage({ form }: { form: Form }) {
  return (
    <>
      <TextField
        form={form}
        path="child.parentalResponsibility"
        label="Who has parental responsibility (optional)"
        width="30"
      />
      <TextareaField form={form} path="child.householdMembers" label="Who else lives with them (optional)" rows={3} />
      <TextareaField form={form} path="child.otherAgencies" label="Other agencies involved (optional)" rows={3} />
      <RadioField
        form={form}
        path="child.lookedAfter"
        legend="Are they looked after by a local authority? (optional)"
        options={yesNoUnknownOptions.map((option) =>
          option.value === "YES"
            ? {
                ...option,
                conditional: (
                  <TextField
                    form={form}
                    path="child.responsibleAuthority"
                    label="Which local authority is responsible for them?"
                    width="20"
                  />
                ),
              }
            : option,
        )}
      />
    </>
  );
}
