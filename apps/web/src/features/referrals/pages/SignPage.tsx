import { indicatorByCode, type ReferralFormValues } from "@cse/contracts";
import type { Path, UseFormReturn } from "react-hook-form";
import { RadioField, TextareaField } from "../sections/fields.tsx";

/**
 * One sign the referrer ticked: how strongly, in words that fit the sign, and what they know.
 * A sign with no degree (a disclosure) asks only what they know: it is simply present.
 */
export function SignPage({ form, code }: { form: UseFormReturn<ReferralFormValues>; code: string }) {
  const indicator = indicatorByCode(code);
  if (!indicator) return null;
  const base = `concern.indicators.${code}`;
  const about = indicator.label.charAt(0).toLowerCase() + indicator.label.slice(1);
  return (
    <>
      {indicator.scale.kind === "strength" ? (
        <RadioField
          form={form}
          path={`${base}.level` as Path<ReferralFormValues>}
          legend={indicator.scale.question}
          legendIsPageHeading
          hint={indicator.hint}
          options={(["LOW", "MEDIUM", "HIGH"] as const).map((level) => ({
            value: level,
            label: { LOW: "Low", MEDIUM: "Medium", HIGH: "High" }[level],
            hint: indicator.scale.kind === "strength" ? indicator.scale.levels[level] : undefined,
          }))}
        />
      ) : (
        <p className="govuk-body">{indicator.hint}.</p>
      )}
      <TextareaField
        form={form}
        path={`${base}.detail` as Path<ReferralFormValues>}
        label={`What do you know about ${about}? (optional)`}
        hint="For example, when and how often, who was involved, and how you know"
        rows={4}
      />
    </>
  );
}
