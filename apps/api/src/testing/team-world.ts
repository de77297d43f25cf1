import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client.ts";
import type { TestClient } from "./client.ts";
import { createUser, signedInClient, type TestUser } from "./fixtures.ts";

/** The people of a triage test: a referrer, Bradford's members and lead, and outsiders. */
export interface TeamWorld {
  readonly users: Record<TeamMember, TestUser>;
  readonly clients: Record<TeamMember, TestClient>;
}

export type TeamMember = "referrer" | "triage" | "policeTriage" | "lead" | "leedsTriage" | "leedsLead" | "hubTriage";

export async function createTeamWorld(app: FastifyInstance, db: Database): Promise<TeamWorld> {
  const users: Record<TeamMember, TestUser> = {
    referrer: await createUser(db, { role: "REFERRER", agency: "HEALTH" }),
    triage: await createUser(db, { role: "TRIAGE", teamCode: "bradford", agency: "SOCIAL_CARE" }),
    policeTriage: await createUser(db, { role: "TRIAGE", teamCode: "bradford", agency: "POLICE" }),
    lead: await createUser(db, { role: "LEAD", teamCode: "bradford", agency: "SOCIAL_CARE" }),
    leedsTriage: await createUser(db, { role: "TRIAGE", teamCode: "leeds" }),
    leedsLead: await createUser(db, { role: "LEAD", teamCode: "leeds" }),
    hubTriage: await createUser(db, { role: "TRIAGE", teamCode: "hub" }),
  };
  const clients = {} as Record<TeamMember, TestClient>;
  for (const [member, user] of Object.entries(users) as [TeamMember, TestUser][]) {
    clients[member] = await signedInClient(app, user);
  }
  return { users, clients };
}
