import { concernKindLabels, emptyEntity, MAX_CONCERN_ENTITIES, type ReferralFormValues } from "@cse/contracts";
import { useFieldArray, type Path, type UseFormReturn } from "react-hook-form";
import { Button } from "../../../components/govuk/index.ts";
import { asText, RadioField, TextareaField, TextField } from "./fields.tsx";

const describe = (kind: string) => (kind === "PLACE" ? "place" : kind === "VEHICLE" ? "vehicle" : "person");

export function EntitiesSection({ form }: { form: UseFormReturn<ReferralFormValues> }) {
  const entities = useFieldArray({ control: form.control, name: "entities" });
  const path = (index: number, field: string) => `entities.${index}.${field}` as Path<ReferralFormValues>;
  return (
    <>
      <p className="govuk-body">
        Add anyone you are worried about, and any places or vehicles linked to the child. Phone numbers, vehicle
        registrations and social media handles help the team join this referral up with others.
      </p>
      {entities.fields.length === 0 ? (
        <p className="govuk-body">You have not added any people, places or vehicles.</p>
      ) : null}
      {entities.fields.map((field, index) => {
        const kind = asText(form.watch(path(index, "kind")));
        return (
          <div className="govuk-summary-card" key={field.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">
                {index + 1}.{" "}
                {kind ? concernKindLabels[kind as keyof typeof concernKindLabels] : "Person, place or vehicle"}
              </h2>
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <button
                    type="button"
                    className="app-link-button govuk-!-font-weight-regular"
                    onClick={() => entities.remove(index)}
                  >
                    Remove
                    <span className="govuk-visually-hidden">
                      {" "}
                      {describe(kind)} {index + 1}
                    </span>
                  </button>
                </li>
              </ul>
            </div>
            <div className="govuk-summary-card__content">
              <RadioField
                form={form}
                path={path(index, "kind")}
                legend="Is this a person, a place or a vehicle?"
                options={Object.entries(concernKindLabels).map(([value, label]) => ({ value, label }))}
                inline
              />
              <TextField
                form={form}
                path={path(index, "name")}
                label={kind === "PLACE" ? "Name or description of the place" : "Name (optional)"}
                width="30"
              />
              {kind !== "VEHICLE" && kind !== "PLACE" ? (
                <>
                  <TextField
                    form={form}
                    path={path(index, "nicknames")}
                    label="Nicknames (optional)"
                    hint="Separate them with commas"
                    width="30"
                  />
                  <TextField
                    form={form}
                    path={path(index, "approximateAge")}
                    label="Approximate age (optional)"
                    inputMode="numeric"
                    width="3"
                  />
                  <TextareaField
                    form={form}
                    path={path(index, "phoneNumbers")}
                    label="Phone numbers (optional)"
                    hint="Put each on a new line"
                    rows={2}
                  />
                  <TextareaField
                    form={form}
                    path={path(index, "socialHandles")}
                    label="Social media names or links (optional)"
                    hint="Put each on a new line, for example @name on Snapchat"
                    rows={2}
                  />
                </>
              ) : null}
              {kind !== "VEHICLE" ? (
                <>
                  <TextareaField
                    form={form}
                    path={path(index, "addresses")}
                    label="Addresses (optional)"
                    hint="Put each address on a new line"
                    rows={2}
                  />
                  <TextField
                    form={form}
                    path={path(index, "postcodes")}
                    label="Postcodes (optional)"
                    hint="Separate them with commas"
                    width="20"
                  />
                </>
              ) : (
                <TextField
                  form={form}
                  path={path(index, "vehicleRegistrations")}
                  label="Registration numbers (optional)"
                  hint="Separate them with commas, for example AB12 CDE"
                  width="20"
                />
              )}
              <TextareaField
                form={form}
                path={path(index, "description")}
                label="Description (optional)"
                hint={
                  kind === "VEHICLE"
                    ? "Make, model, colour"
                    : "What they look like, or anything else that would identify them"
                }
                rows={2}
              />
              <TextareaField
                form={form}
                path={path(index, "linkToChild")}
                label="How they are linked to the child (optional)"
                rows={2}
              />
            </div>
          </div>
        );
      })}
      {entities.fields.length < MAX_CONCERN_ENTITIES ? (
        <Button type="button" variant="secondary" onClick={() => entities.append(emptyEntity())}>
          {entities.fields.length === 0 ? "Add a person, place or vehicle" : "Add another person, place or vehicle"}
        </Button>
      ) : (
        <p className="govuk-body">
          You have added the most we can take ({MAX_CONCERN_ENTITIES}). Put anything else in the description of the
          concern.
        </p>
      )}
    </>
  );
}
