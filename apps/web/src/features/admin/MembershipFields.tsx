import { roleLabels, teamRoles, type Role } from "@cse/contracts";
import { type Organisation, type Team } from "@cse/contracts/admin";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Radios, Select } from "../../components/govuk/index.ts";

export interface MembershipValues {
  role: Role;
  organisationId: string;
  teamId?: string | null | undefined;
}

/** Role, organisation and (for triage members and leads) team: shared by invite and edit. */
export function MembershipFields({
  register,
  errors,
  role,
  organisations,
  teams,
}: {
  register: UseFormRegister<MembershipValues>;
  errors: FieldErrors<MembershipValues>;
  role: Role | undefined;
  organisations: readonly Organisation[];
  teams: readonly Team[];
}) {
  return (
    <>
      <Radios
        id="role"
        legend="Role"
        legendSize="m"
        error={errors.role?.message}
        selected={role}
        inputProps={register("role")}
        options={(Object.keys(roleLabels) as Role[]).map((value) => ({
          value,
          label: roleLabels[value],
          // One team question, revealed under whichever team role is chosen: rendered under both,
          // the page had two fields with one id and the label pointed at the hidden one.
          ...(teamRoles.includes(value) && value === role
            ? {
                conditional: (
                  <Select
                    id="teamId"
                    label="Team"
                    error={errors.teamId?.message}
                    {...register("teamId")}
                    options={[
                      { value: "", label: "Choose a team" },
                      ...teams.map((team) => ({ value: team.id, label: team.name })),
                    ]}
                  />
                ),
              }
            : {}),
        }))}
      />
      <Select
        id="organisationId"
        label="Organisation"
        error={errors.organisationId?.message}
        {...register("organisationId")}
        options={[
          { value: "", label: "Choose an organisation" },
          ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })),
        ]}
      />
    </>
  );
}
