import type { ReferralFormValues } from "@cse/contracts";
import type { ReactNode } from "react";
import type { Path, UseFormReturn } from "react-hook-form";
import { DateInput, fieldId, Radios, Textarea, TextInput, type ChoiceOption } from "../../../components/govuk/index.ts";
import { fieldError } from "../field-error.ts";

type Form = UseFormReturn<ReferralFormValues>;

/** A watched field's value as text ("" for an unanswered radio group, which is null). */
export const asText = (value: unknown): string => (typeof value === "string" ? value : "");
type FieldPath = Path<ReferralFormValues>;

interface FieldProps {
  readonly form: Form;
  readonly path: FieldPath;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
}

export function TextField({
  form,
  path,
  label,
  hint,
  ...input
}: FieldProps & {
  type?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "tel";
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30" | "full" | "two-thirds";
  spellCheck?: boolean;
}) {
  return (
    <TextInput
      id={fieldId(path)}
      label={label}
      hint={hint}
      error={fieldError(form.formState.errors, path)}
      {...input}
      {...form.register(path)}
    />
  );
}

export function TextareaField({
  form,
  path,
  label,
  hint,
  rows,
  maxLength,
}: FieldProps & { rows?: number; maxLength?: number }) {
  const value = maxLength ? asText(form.watch(path)) : "";
  return (
    <Textarea
      id={fieldId(path)}
      label={label}
      hint={hint}
      rows={rows}
      error={fieldError(form.formState.errors, path)}
      {...(maxLength ? { characterCount: { maximum: maxLength, current: value.length } } : {})}
      {...form.register(path)}
    />
  );
}

export function RadioField({
  form,
  path,
  legend,
  hint,
  options,
  inline,
  small,
  legendIsPageHeading,
  legendSize = legendIsPageHeading ? "l" : "s",
}: Omit<FieldProps, "label"> & {
  legend: ReactNode;
  options: readonly ChoiceOption[];
  inline?: boolean;
  small?: boolean;
  legendIsPageHeading?: boolean;
  legendSize?: "l" | "m" | "s";
}) {
  return (
    <Radios
      id={fieldId(path)}
      legend={legend}
      legendIsPageHeading={legendIsPageHeading}
      legendSize={legendSize}
      hint={hint}
      error={fieldError(form.formState.errors, path)}
      options={options}
      inputProps={form.register(path)}
      selected={asText(form.watch(path))}
      {...(inline ? { inline } : {})}
      {...(small ? { small } : {})}
    />
  );
}

export function DateField({
  form,
  path,
  legend,
  hint,
  parts,
}: Omit<FieldProps, "label"> & { legend: ReactNode; parts?: readonly ("day" | "month" | "year")[] | undefined }) {
  const base = path as string;
  return (
    <DateInput
      id={fieldId(path)}
      legend={legend}
      legendSize="s"
      hint={hint}
      error={fieldError(form.formState.errors, path)}
      {...(parts ? { erroneousParts: parts } : {})}
      day={form.register(`${base}.day` as FieldPath)}
      month={form.register(`${base}.month` as FieldPath)}
      year={form.register(`${base}.year` as FieldPath)}
    />
  );
}

export const yesNoUnknownOptions: readonly ChoiceOption[] = [
  { value: "YES", label: "Yes" },
  { value: "NO", label: "No" },
  { value: "UNKNOWN", label: "Not known" },
];

export const yesNoOptions: readonly ChoiceOption[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
