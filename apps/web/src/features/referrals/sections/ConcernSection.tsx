import { CSE_INDICATORS, indicatorLevelLabels, informationSourceLabels, type ReferralFormValues } from "@cse/contracts";
import type { Path, UseFormReturn } from "react-hook-form";
import { DateField, RadioField, TextareaField, TextField } from "./fields.tsx";

const levelOptions = Object.entries(indicatorLevelLabels).map(([value, label]) => ({ value, label }));

export function ConcernSection({
  form,
  dateParts,
}: {
  form: UseFormReturn<ReferralFormValues>;
  dateParts: (path: string) => readonly ("day" | "month" | "year")[] | undefined;
}) {
  return (
    <>
      <TextareaField
        form={form}
        path="concern.description"
        label="What was seen, heard or disclosed"
        hint="Say what happened in the words used, who was involved and what you did. Facts first, then your concerns."
        rows={8}
        maxLength={10000}
      />
      <DateField
        form={form}
        path="concern.occurredOn"
        legend="When did it happen? (optional)"
        hint="For example, 27 11 2026. Leave it blank if you are not sure."
        parts={dateParts("concern.occurredOn")}
      />
      <TextField
        form={form}
        path="concern.when"
        label="Or describe when (optional)"
        hint="For example, most weekends since September"
        width="30"
      />
      <TextField form={form} path="concern.location" label="Where did it happen? (optional)" width="30" />
      <RadioField
        form={form}
        path="concern.informationSource"
        legend="How do you know about this?"
        options={Object.entries(informationSourceLabels).map(([value, label]) => ({
          value,
          label,
          ...(value === "THIRD_PARTY" || value === "OTHER"
            ? {
                conditional: (
                  <TextField
                    form={form}
                    path="concern.informationSourceDetail"
                    label="Who told you, or how you know"
                    width="30"
                  />
                ),
              }
            : {}),
        }))}
      />
      <h2 className="govuk-heading-m">Signs of exploitation</h2>
      <p className="govuk-body">For each sign, say how strongly it is present. If it is not, choose "Not present".</p>
      {CSE_INDICATORS.map((indicator) => {
        const base = `concern.indicators.${indicator.code}`;
        const level = form.watch(`${base}.level` as Path<ReferralFormValues>);
        return (
          <div key={indicator.code}>
            <RadioField
              form={form}
              path={`${base}.level` as Path<ReferralFormValues>}
              legend={indicator.label}
              hint={indicator.hint}
              options={levelOptions}
              inline
              small
            />
            {level && level !== "NOT_PRESENT" ? (
              <TextField
                form={form}
                path={`${base}.detail` as Path<ReferralFormValues>}
                label={`What you know about ${indicator.label.toLowerCase()} (optional)`}
                width="two-thirds"
              />
            ) : null}
          </div>
        );
      })}
    </>
  );
}
