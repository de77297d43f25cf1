import type { Organisation, Team } from "@cse/contracts/admin";
import { useEffect, useState } from "react";
import { api } from "../../api/client.ts";

/** Organisations and teams, for the admin forms' lists. */
export function useReferenceLists() {
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  useEffect(() => {
    void api.get<Organisation[]>("/api/admin/organisations").then(setOrganisations);
    void api.get<Team[]>("/api/admin/teams").then(setTeams);
  }, []);
  return { organisations, teams };
}
