import { ChoiceGroup, type ChoiceGroupProps } from "./ChoiceGroup.tsx";

/** Any number of answers; with one option, a single yes/no confirmation. */
export function Checkboxes(props: ChoiceGroupProps) {
  return <ChoiceGroup kind="checkboxes" {...props} />;
}
