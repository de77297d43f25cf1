import { CSE_INDICATORS, NO_SIGNS_SEEN, type ReferralFormValues } from "@cse/contracts";
import type { ChangeEvent } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Checkboxes, fieldId } from "../../../components/govuk/index.ts";
import { fieldError } from "../field-error.ts";

/**
 * "Which of these signs have you seen or been told about?", with "None of these". A sign not
 * ticked is not known to the referrer: the page says so, so nobody ticks to say "absent".
 * "None of these" and the signs exclude each other, as GOV.UK's exclusive checkbox does.
 */
export function SignsPage({ form }: { form: UseFormReturn<ReferralFormValues> }) {
  const registered = form.register("concern.signs");
  const selected = form.watch("concern.signs");
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    void registered.onChange(event).then(() => exclude(event.target));
  };
  const exclude = (target: HTMLInputElement) => {
    if (!target.checked) return;
    const current = form.getValues("concern.signs");
    const keep = (value: string) =>
      target.value === NO_SIGNS_SEEN ? value === NO_SIGNS_SEEN : value !== NO_SIGNS_SEEN;
    form.setValue("concern.signs", (Array.isArray(current) ? current : []).filter(keep));
  };
  return (
    <Checkboxes
      id={fieldId("concern.signs")}
      legend="Which of these signs have you seen or been told about?"
      legendIsPageHeading
      hint="Select all that apply. Leave a sign unticked if you do not know about it: it will be recorded as not known, not as absent."
      error={fieldError(form.formState.errors, "concern.signs")}
      options={[
        ...CSE_INDICATORS.map(({ code, label, hint }) => ({ value: code, label, hint })),
        { value: NO_SIGNS_SEEN, label: "None of these", divider: "or" },
      ]}
      inputProps={{ ...registered, onChange }}
      selected={Array.isArray(selected) ? selected : []}
    />
  );
}
