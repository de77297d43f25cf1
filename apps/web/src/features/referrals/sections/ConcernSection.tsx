import { informationSourceLabels, type ReferralFormValues } from "@cse/contracts";
import type { UseFormReturn } from "react-hook-form";
import { asText, DateField, RadioField, TextareaField, TextField } from "./fields.tsx";

/** Answers that need "who told you, or how you know": one question, shown once, for either. */
const NEEDS_SOURCE_DETAIL = new Set(["THIRD_PARTY", "OTHER"]);

export function ConcernSection({
  form,
  dateParts,
}: {
  form: UseFormReturn<ReferralFormValues>;
  dateParts: (path: string) => readonly ("day" | "month" | "year")[] | undefined;
}) {
  const source = asText(form.watch("concern.informationSource"));
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
        options={Object.entries(informationSourceLabels).map(([value, label]) => ({ value, label }))}
      />
      {NEEDS_SOURCE_DETAIL.has(source) ? (
        <TextField
          form={form}
          path="concern.informationSourceDetail"
          label="Who told you, or how you know"
          width="30"
        />
      ) : null}
    </>
  );
}
