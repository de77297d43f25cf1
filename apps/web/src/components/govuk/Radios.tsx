import { ChoiceGroup, type ChoiceGroupProps } from "./ChoiceGroup.tsx";

/** One answer from a few; an option may reveal follow-up questions while chosen. */
export function Radios(props: ChoiceGroupProps) {
  return <ChoiceGroup kind="radios" {...props} />;
}
