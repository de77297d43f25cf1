// The authorisation matrix: for every route and every kind of caller, what must happen.
// "allow" means the request succeeded (2xx). "reached" means it got past access control and was
// then refused for its content (a deliberately invalid probe): any 4xx but 401, 403 or 404.
// A route missing from the matrix fails the first test: new routes must declare their rules here.
import { randomBytes } from "node:crypto";
import { EXAMPLE_REFERRAL_SUBMISSION, type ReferralCreated } from "@cse/contracts";
import { addDays, isWeekend } from "@cse/domain";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newInvitationToken } from "../modules/users/invitation-token.ts";
import { buildTestApp } from "../testing/app.ts";
import { TestClient } from "../testing/client.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { createUser, signedInClient, type TestUser } from "../testing/fixtures.ts";
import { bornYearsAgo, submitReferral, type ReferralVariant } from "../testing/referrals.ts";

const PRINCIPALS = [
  "anonymous",
  "referrer",
  "otherReferrer",
  "triageSameTeam",
  "triageSameTeamOtherAgency",
  "triageOtherTeam",
  "leadSameTeam",
  "leadOtherTeam",
  "admin",
  "hubTriage",
] as const;
type Principal = (typeof PRINCIPALS)[number];
type Expected = "allow" | "reached" | 401 | 403 | 404;

interface World {
  readonly users: Record<Exclude<Principal, "anonymous">, TestUser>;
  /** A referral by `referrer`, owned by the Bradford team. */
  readonly referralId: string;
  /** A draft belonging to `referrer`. */
  readonly draftId: string;
  /** A user for administrators to act on. */
  readonly targetUserId: string;
  readonly invitationToken: string;
  readonly organisationId: string;
  readonly newDraft: () => Promise<string>;
  /** A new referral by `referrer`, owned by Bradford unless it has no postcode (then the hub's). */
  readonly newReferral: (variant?: ReferralVariant) => Promise<ReferralCreated>;
  /** Gives a referral to the principal when they are a member of its team (the trigger checks). */
  readonly assignTo: (referralId: string, principal: Principal) => Promise<void>;
  readonly clientOf: (principal: Principal) => TestClient;
  readonly leedsTeamId: string;
  readonly calderdaleTeamId: string;
  /** The id of the OL14 (Todmorden -> Calderdale) routing rule. */
  readonly routingRuleId: () => Promise<string>;
  /** A finished load of the postcode directory. */
  readonly directoryLoadId: () => Promise<string>;
  /** Two new Bradford referrals by `referrer` and a suggested link between them. */
  readonly newLink: () => Promise<{ referralId: string; linkId: string }>;
}

interface Probe {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

type Row = {
  readonly probe: (world: World, principal: Principal) => Probe | Promise<Probe>;
  readonly expect: Record<Principal, Expected>;
};

const everyone = (outcome: Expected): Record<Principal, Expected> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, outcome])) as Record<Principal, Expected>;
const signedIn: Record<Principal, Expected> = { ...everyone("allow"), anonymous: 401 };
const adminsOnly: Record<Principal, Expected> = { ...everyone(403), anonymous: 401, admin: "allow" };
const referrersOnly: Record<Principal, Expected> = {
  ...everyone(403),
  anonymous: 401,
  referrer: "allow",
  otherReferrer: "allow",
};
const referralReaders: Record<Principal, Expected> = { ...signedIn, admin: 403 };
/** One referral by `referrer`, owned by Bradford: who may see it. */
const thatReferral: Record<Principal, Expected> = {
  anonymous: 401,
  referrer: "allow",
  otherReferrer: 404,
  triageSameTeam: "allow",
  triageSameTeamOtherAgency: "allow",
  triageOtherTeam: 404,
  leadSameTeam: "allow",
  leadOtherTeam: 404,
  admin: 403,
  hubTriage: 404,
};
/** Members of any team. */
const teamMembers: Record<Principal, Expected> = {
  ...everyone("allow"),
  anonymous: 401,
  referrer: 403,
  otherReferrer: 403,
  admin: 403,
};
/** Everyone with a referral to hear about, for their own alerts: not administrators. */
const alertReaders: Record<Principal, Expected> = { ...everyone("allow"), anonymous: 401, admin: 403 };
/** A team action on a Bradford referral: Bradford's members may; other teams cannot see it. */
const bradfordTeam: Record<Principal, Expected> = {
  ...thatReferral,
  referrer: 403,
  otherReferrer: 403,
};
/** A lead's action on a Bradford referral. */
const bradfordLead: Record<Principal, Expected> = {
  ...bradfordTeam,
  triageSameTeam: 403,
  triageSameTeamOtherAgency: 403,
  triageOtherTeam: 403,
  hubTriage: 403,
};
/** Routing a referral the hub holds: hub staff only. */
const hubOnly: Record<Principal, Expected> = {
  ...bradfordTeam,
  triageSameTeam: 404,
  triageSameTeamOtherAgency: 404,
  leadSameTeam: 404,
  hubTriage: "allow",
};
/** Answering a transfer from Bradford to Leeds: Leeds's lead only; the sender cannot see it. */
const leedsLeadOnly: Record<Principal, Expected> = {
  ...everyone(403),
  anonymous: 401,
  leadSameTeam: 404,
  leadOtherTeam: "allow",
};
const thatDraft: Record<Principal, Expected> = { ...referrersOnly, otherReferrer: 404 };
const halfwaySignedIn: Record<Principal, Expected> = everyone(401);

const key = () => `matrix-${randomBytes(6).toString("hex")}`;
/** Each probe that adds a routing rule needs a prefix of its own. */
let routingProbes = 0;
/** Each probe that adds a bank-holiday day needs a weekday of its own (July 2031 has no bank holiday). */
let bankHolidayProbe = "2031-06-30";
const nextProbeDay = () => {
  do bankHolidayProbe = addDays(bankHolidayProbe, 1);
  while (isWeekend(bankHolidayProbe));
  return bankHolidayProbe;
};

const MATRIX: Record<string, Row> = {
  "GET /api/health": { probe: () => ({ method: "GET", url: "/api/health" }), expect: everyone("allow") },
  "GET /api/ready": { probe: () => ({ method: "GET", url: "/api/ready" }), expect: everyone("allow") },
  "GET /api/auth/csrf": { probe: () => ({ method: "GET", url: "/api/auth/csrf" }), expect: everyone("allow") },
  "GET /api/auth/session": { probe: () => ({ method: "GET", url: "/api/auth/session" }), expect: everyone("allow") },
  "POST /api/auth/login": {
    probe: () => ({ method: "POST", url: "/api/auth/login", body: { email: "not-an-email", password: "" } }),
    expect: everyone("reached"),
  },
  "POST /api/auth/second-factor": {
    probe: () => ({ method: "POST", url: "/api/auth/second-factor", body: { code: "123456" } }),
    expect: halfwaySignedIn,
  },
  "GET /api/auth/enrolment": { probe: () => ({ method: "GET", url: "/api/auth/enrolment" }), expect: halfwaySignedIn },
  "POST /api/auth/enrolment": {
    probe: () => ({ method: "POST", url: "/api/auth/enrolment", body: { code: "123456" } }),
    expect: halfwaySignedIn,
  },
  "GET /api/auth/account/second-factor": {
    probe: () => ({ method: "GET", url: "/api/auth/account/second-factor" }),
    expect: { ...everyone("reached"), anonymous: 401, referrer: "allow", otherReferrer: "allow" },
  },
  "POST /api/auth/account/second-factor": {
    probe: () => ({ method: "POST", url: "/api/auth/account/second-factor", body: { code: "123456" } }),
    expect: { ...everyone("reached"), anonymous: 401 },
  },
  "GET /api/auth/me": { probe: () => ({ method: "GET", url: "/api/auth/me" }), expect: signedIn },
  "POST /api/auth/password": {
    probe: () => ({ method: "POST", url: "/api/auth/password", body: { currentPassword: "wrong", newPassword: "x" } }),
    expect: { ...everyone("reached"), anonymous: 401 },
  },
  // Reached by everyone signed in: a wrong code (400), or no authenticator app to prove (409).
  "POST /api/auth/step-up": {
    probe: () => ({ method: "POST", url: "/api/auth/step-up", body: { code: "000000" } }),
    expect: { ...everyone("reached"), anonymous: 401 },
  },
  "POST /api/auth/logout": { probe: () => ({ method: "POST", url: "/api/auth/logout" }), expect: everyone("allow") },
  "GET /api/invitations/{token}": {
    probe: (w) => ({ method: "GET", url: `/api/invitations/${w.invitationToken}` }),
    expect: everyone("allow"),
  },
  "POST /api/invitations/{token}": {
    probe: (w) => ({ method: "POST", url: `/api/invitations/${w.invitationToken}`, body: { password: "short" } }),
    expect: everyone("reached"),
  },
  "GET /api/admin/users": { probe: () => ({ method: "GET", url: "/api/admin/users" }), expect: adminsOnly },
  "POST /api/admin/users": {
    probe: (w) => ({
      method: "POST",
      url: "/api/admin/users",
      body: {
        email: `${key()}@test.example`,
        displayName: "Matrix",
        role: "REFERRER",
        organisationId: w.organisationId,
      },
    }),
    expect: adminsOnly,
  },
  "GET /api/admin/users/{id}": {
    probe: (w) => ({ method: "GET", url: `/api/admin/users/${w.targetUserId}` }),
    expect: adminsOnly,
  },
  "PATCH /api/admin/users/{id}": {
    probe: (w) => ({ method: "PATCH", url: `/api/admin/users/${w.targetUserId}`, body: { displayName: "Renamed" } }),
    expect: adminsOnly,
  },
  "POST /api/admin/users/{id}/disable": {
    probe: (w) => ({ method: "POST", url: `/api/admin/users/${w.targetUserId}/disable` }),
    expect: adminsOnly,
  },
  "POST /api/admin/users/{id}/enable": {
    probe: (w) => ({ method: "POST", url: `/api/admin/users/${w.targetUserId}/enable` }),
    expect: adminsOnly,
  },
  "POST /api/admin/users/{id}/reset-second-factor": {
    probe: (w) => ({ method: "POST", url: `/api/admin/users/${w.targetUserId}/reset-second-factor` }),
    expect: adminsOnly,
  },
  "POST /api/admin/users/{id}/invitation": {
    probe: (w) => ({ method: "POST", url: `/api/admin/users/${w.targetUserId}/invitation` }),
    expect: adminsOnly,
  },
  "GET /api/admin/organisations": {
    probe: () => ({ method: "GET", url: "/api/admin/organisations" }),
    expect: adminsOnly,
  },
  "POST /api/admin/organisations": {
    probe: () => ({
      method: "POST",
      url: "/api/admin/organisations",
      body: { name: `Org ${key()}`, agency: "HEALTH" },
    }),
    expect: adminsOnly,
  },
  "GET /api/admin/teams": { probe: () => ({ method: "GET", url: "/api/admin/teams" }), expect: adminsOnly },
  "GET /api/admin/bank-holidays": {
    probe: () => ({ method: "GET", url: "/api/admin/bank-holidays" }),
    expect: adminsOnly,
  },
  "POST /api/admin/bank-holidays": {
    probe: () => ({
      method: "POST",
      url: "/api/admin/bank-holidays",
      body: { date: nextProbeDay(), name: "A probe" },
    }),
    expect: adminsOnly,
  },
  "DELETE /api/admin/bank-holidays/{date}": {
    probe: async (w) => {
      const date = nextProbeDay();
      await w.clientOf("admin").post("/api/admin/bank-holidays", { date, name: "A probe" });
      return { method: "DELETE", url: `/api/admin/bank-holidays/${date}` };
    },
    expect: adminsOnly,
  },
  "GET /api/admin/routing-rules": {
    probe: () => ({ method: "GET", url: "/api/admin/routing-rules" }),
    expect: adminsOnly,
  },
  "POST /api/admin/routing-rules": {
    probe: (w) => ({
      method: "POST",
      url: "/api/admin/routing-rules",
      body: { postcodePrefix: `YO${(routingProbes += 1)} 5`, teamId: w.leedsTeamId },
    }),
    expect: adminsOnly,
  },
  "GET /api/admin/routing-rules/tester": {
    probe: () => ({ method: "GET", url: "/api/admin/routing-rules/tester?postcode=LS29%208AB" }),
    expect: adminsOnly,
  },
  "GET /api/admin/routing-rules/{id}": {
    probe: async (w) => ({ method: "GET", url: `/api/admin/routing-rules/${await w.routingRuleId()}` }),
    expect: adminsOnly,
  },
  "PUT /api/admin/routing-rules/{id}": {
    probe: async (w) => ({
      method: "PUT",
      url: `/api/admin/routing-rules/${await w.routingRuleId()}`,
      body: { postcodePrefix: "OL14", teamId: w.calderdaleTeamId },
    }),
    expect: adminsOnly,
  },
  "DELETE /api/admin/routing-rules/{id}": {
    probe: async (w) => {
      const added = await w
        .clientOf("admin")
        .post("/api/admin/routing-rules", { postcodePrefix: `YO${(routingProbes += 1)} 7`, teamId: w.leedsTeamId });
      return { method: "DELETE", url: `/api/admin/routing-rules/${added.json<{ id: string }>().id}` };
    },
    expect: adminsOnly,
  },
  "GET /api/admin/postcode-directory": {
    probe: () => ({ method: "GET", url: "/api/admin/postcode-directory" }),
    expect: adminsOnly,
  },
  "POST /api/admin/postcode-directory": {
    // Not the directory's header: refused for its content, with nothing stored.
    probe: () => ({
      method: "POST",
      url: "/api/admin/postcode-directory?fileName=probe.csv",
      body: "postcode,team\n",
      headers: { "content-type": "text/csv" },
    }),
    expect: { ...adminsOnly, admin: "reached" },
  },
  "GET /api/admin/postcode-directory/loads/{id}": {
    probe: async (w) => ({ method: "GET", url: `/api/admin/postcode-directory/loads/${await w.directoryLoadId()}` }),
    expect: adminsOnly,
  },
  "POST /api/drafts": {
    probe: () => ({ method: "POST", url: "/api/drafts", body: { content: {} } }),
    expect: referrersOnly,
  },
  "GET /api/drafts": { probe: () => ({ method: "GET", url: "/api/drafts" }), expect: referrersOnly },
  "GET /api/drafts/{id}": { probe: (w) => ({ method: "GET", url: `/api/drafts/${w.draftId}` }), expect: thatDraft },
  "PUT /api/drafts/{id}": {
    probe: (w) => ({ method: "PUT", url: `/api/drafts/${w.draftId}`, body: { content: { immediateDanger: "no" } } }),
    expect: thatDraft,
  },
  "DELETE /api/drafts/{id}": {
    probe: async (w) => ({ method: "DELETE", url: `/api/drafts/${await w.newDraft()}` }),
    expect: thatDraft,
  },
  "POST /api/referrals": {
    probe: () => ({
      method: "POST",
      url: "/api/referrals",
      body: EXAMPLE_REFERRAL_SUBMISSION,
      headers: { "idempotency-key": key() },
    }),
    expect: referrersOnly,
  },
  "GET /api/referrals": { probe: () => ({ method: "GET", url: "/api/referrals" }), expect: referralReaders },
  "GET /api/referrals/{id}": {
    probe: (w) => ({ method: "GET", url: `/api/referrals/${w.referralId}` }),
    expect: thatReferral,
  },
  "POST /api/referrals/{id}/addenda": {
    probe: (w) => ({
      method: "POST",
      url: `/api/referrals/${w.referralId}/addenda`,
      body: { body: "More information." },
    }),
    // Only referrers may add addenda at all (403 for every other role, which says nothing about
    // this referral); among referrers, only its author (404 for anyone else).
    expect: { ...referrersOnly, otherReferrer: 404 },
  },
  "GET /api/alerts": { probe: () => ({ method: "GET", url: "/api/alerts" }), expect: alertReaders },
  "POST /api/alerts/read": { probe: () => ({ method: "POST", url: "/api/alerts/read" }), expect: alertReaders },
  "GET /api/alerts/unread-count": {
    probe: () => ({ method: "GET", url: "/api/alerts/unread-count" }),
    expect: alertReaders,
  },
  "GET /api/account/notifications": {
    probe: () => ({ method: "GET", url: "/api/account/notifications" }),
    expect: signedIn,
  },
  "PUT /api/account/notifications": {
    // Nothing to change: every signed-in person may choose (for the kinds their role receives).
    probe: () => ({ method: "PUT", url: "/api/account/notifications", body: { preferences: [] } }),
    expect: signedIn,
  },
  "GET /api/admin/notifications": {
    probe: () => ({ method: "GET", url: "/api/admin/notifications" }),
    expect: adminsOnly,
  },
  // Each team's own figures; the lead's per-person figures are tested in dashboard-access.test.ts.
  "GET /api/dashboard": { probe: () => ({ method: "GET", url: "/api/dashboard" }), expect: teamMembers },
  "POST /api/referrals/{id}/assign": {
    probe: async (w) => ({ method: "POST", url: `/api/referrals/${(await w.newReferral()).id}/assign`, body: {} }),
    expect: bradfordTeam,
  },
  "POST /api/referrals/bulk-reassign": {
    probe: async (w) => ({
      method: "POST",
      url: "/api/referrals/bulk-reassign",
      body: { referralIds: [(await w.newReferral()).id], assigneeId: w.users.triageSameTeam.id },
    }),
    // Only leads reach it; another team's lead cannot name a Bradford member (400, "reached").
    expect: { ...everyone(403), anonymous: 401, leadSameTeam: "allow", leadOtherTeam: "reached" },
  },
  "POST /api/exports/referrals": {
    probe: () => ({ method: "POST", url: "/api/exports/referrals", body: { from: "2026-11-01", to: "2026-11-30" } }),
    // Each lead gets their own team's referrals (the scoping is tested in exports.test.ts).
    expect: { ...everyone(403), anonymous: 401, leadSameTeam: "allow", leadOtherTeam: "allow" },
  },
  "GET /api/audit": {
    probe: (w) => ({ method: "GET", url: `/api/audit?referralId=${w.referralId}` }),
    expect: bradfordLead,
  },
  "POST /api/referrals/{id}/notes": {
    probe: (w) => ({
      method: "POST",
      url: `/api/referrals/${w.referralId}/notes`,
      body: { body: "Matrix note.", visibility: "TEAM" },
    }),
    expect: bradfordTeam,
  },
  "POST /api/referrals/{id}/risk-override": {
    probe: async (w) => {
      const created = await w.newReferral();
      return {
        method: "POST",
        url: `/api/referrals/${created.id}/risk-override`,
        body: { toRisk: created.risk.rating === "GREEN" ? "RED" : "GREEN", reason: "Matrix." },
      };
    },
    expect: bradfordTeam,
  },
  "POST /api/referrals/{id}/risk-override/decision": {
    probe: async (w) => {
      const created = await w.newReferral();
      const downgrade = await w.clientOf("triageSameTeam").post(`/api/referrals/${created.id}/risk-override`, {
        toRisk: created.risk.rating === "GREEN" ? "AMBER" : "GREEN",
        reason: "Matrix.",
      });
      expect(downgrade.statusCode).toBe(200);
      return { method: "POST", url: `/api/referrals/${created.id}/risk-override/decision`, body: { approve: true } };
    },
    // Raising risk needs nobody's approval, so a GREEN example is raised, not approved: the
    // example must not be GREEN for this row to mean anything.
    expect: bradfordLead,
  },
  "POST /api/referrals/{id}/decision": {
    probe: async (w, principal) => {
      const created = await w.newReferral();
      await w.assignTo(created.id, principal);
      return {
        method: "POST",
        url: `/api/referrals/${created.id}/decision`,
        body: { outcome: "STRATEGY_DISCUSSION", reason: "Matrix.", messageToReferrer: "Thank you." },
      };
    },
    expect: bradfordTeam,
  },
  "POST /api/referrals/{id}/decision/approval": {
    probe: async (w) => {
      const created = await w.newReferral({ child: { dateOfBirth: bornYearsAgo(12) } });
      await w.assignTo(created.id, "triageSameTeam");
      const proposed = await w.clientOf("triageSameTeam").post(`/api/referrals/${created.id}/decision`, {
        outcome: "NO_FURTHER_ACTION",
        reason: "Matrix.",
        messageToReferrer: "Thank you.",
      });
      expect(proposed.json<{ status: string }>().status).toBe("AWAITING_APPROVAL");
      return { method: "POST", url: `/api/referrals/${created.id}/decision/approval`, body: { approve: true } };
    },
    expect: bradfordLead,
  },
  "GET /api/referrals/{id}/links": {
    probe: (w) => ({ method: "GET", url: `/api/referrals/${w.referralId}/links` }),
    expect: bradfordTeam,
  },
  "GET /api/referrals/{id}/network": {
    probe: (w) => ({ method: "GET", url: `/api/referrals/${w.referralId}/network` }),
    expect: bradfordTeam,
  },
  "POST /api/referrals/{id}/links/{linkId}/dismiss": {
    probe: async (w) => {
      const { referralId, linkId } = await w.newLink();
      return {
        method: "POST",
        url: `/api/referrals/${referralId}/links/${linkId}/dismiss`,
        body: { reason: "Not the same child." },
      };
    },
    expect: bradfordLead,
  },
  "POST /api/referrals/{id}/route": {
    probe: async (w) => {
      const created = await w.newReferral({ child: { homePostcode: null, currentPostcode: null } });
      expect(created.team.name).toMatch(/hub/i);
      return {
        method: "POST",
        url: `/api/referrals/${created.id}/route`,
        body: { teamId: w.leedsTeamId, reason: "The child's school is in Leeds." },
      };
    },
    expect: hubOnly,
  },
  "POST /api/referrals/{id}/transfer": {
    probe: async (w) => ({
      method: "POST",
      url: `/api/referrals/${(await w.newReferral()).id}/transfer`,
      body: { teamId: w.leedsTeamId, reason: "The child has moved to Leeds." },
    }),
    expect: bradfordTeam,
  },
  "GET /api/transfers": {
    probe: () => ({ method: "GET", url: "/api/transfers?box=incoming" }),
    expect: teamMembers,
  },
  "POST /api/transfers/{id}/accept": {
    probe: async (w) => ({ method: "POST", url: `/api/transfers/${await waitingTransfer(w)}/accept` }),
    expect: leedsLeadOnly,
  },
  "POST /api/transfers/{id}/reject": {
    probe: async (w) => ({
      method: "POST",
      url: `/api/transfers/${await waitingTransfer(w)}/reject`,
      body: { reason: "The family lives in Bradford." },
    }),
    expect: leedsLeadOnly,
  },
  "POST /api/transfers/{id}/cancel": {
    probe: async (w) => ({ method: "POST", url: `/api/transfers/${await waitingTransfer(w)}/cancel` }),
    // The team that asked (it still holds the referral); nobody else can see the transfer.
    expect: { ...bradfordTeam, leadOtherTeam: 404 },
  },
};

/** A new Bradford referral that Bradford has asked Leeds to take: the transfer's id. */
async function waitingTransfer(w: World): Promise<string> {
  const created = await w.newReferral();
  const asked = await w.clientOf("triageSameTeam").post(`/api/referrals/${created.id}/transfer`, {
    teamId: w.leedsTeamId,
    reason: "The child has moved to Leeds.",
  });
  expect(asked.statusCode).toBe(201);
  return asked.json<{ pendingTransfer: { id: string } }>().pendingTransfer.id;
}

describe("the authorisation matrix", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let world: World;
  const clients = new Map<Principal, TestClient>();

  beforeAll(async () => {
    test = await createTestDatabase();
    ({ app } = await buildTestApp(test.db, { SIGN_IN_MAX_PER_ADDRESS: "1000" }));
    const users = {
      referrer: await createUser(test.db, { role: "REFERRER", agency: "EDUCATION" }),
      otherReferrer: await createUser(test.db, { role: "REFERRER", agency: "HEALTH" }),
      triageSameTeam: await createUser(test.db, { role: "TRIAGE", teamCode: "bradford", agency: "SOCIAL_CARE" }),
      triageSameTeamOtherAgency: await createUser(test.db, { role: "TRIAGE", teamCode: "bradford", agency: "POLICE" }),
      triageOtherTeam: await createUser(test.db, { role: "TRIAGE", teamCode: "leeds" }),
      leadSameTeam: await createUser(test.db, { role: "LEAD", teamCode: "bradford" }),
      leadOtherTeam: await createUser(test.db, { role: "LEAD", teamCode: "leeds" }),
      admin: await createUser(test.db, { role: "ADMIN" }),
      hubTriage: await createUser(test.db, { role: "TRIAGE", teamCode: "hub" }),
    };
    for (const principal of PRINCIPALS) {
      clients.set(
        principal,
        principal === "anonymous" ? new TestClient(app) : await signedInClient(app, users[principal]),
      );
    }
    const referrerClient = clients.get("referrer")!;
    const referral = await referrerClient.post("/api/referrals", EXAMPLE_REFERRAL_SUBMISSION, {
      headers: { "idempotency-key": key() },
    });
    expect(referral.json().team.name).toBe("Bradford");
    const newDraft = async () =>
      (
        await test.db.draft.create({
          data: { ownerId: users.referrer.id, content: {}, expiresAt: new Date(Date.now() + 86_400_000) },
        })
      ).id;
    const target = await createUser(test.db, { role: "REFERRER" });
    const { token, tokenHash } = newInvitationToken();
    const invitee = await createUser(test.db, { role: "REFERRER", status: "INVITED" });
    await test.db.invitation.create({
      data: {
        userId: invitee.id,
        tokenHash,
        expiresAt: new Date(Date.now() + 86_400_000),
        createdById: users.admin.id,
      },
    });
    world = {
      users,
      referralId: referral.json().id,
      draftId: await newDraft(),
      targetUserId: target.id,
      invitationToken: token,
      organisationId: (await test.db.organisation.findFirstOrThrow()).id,
      newDraft,
      newReferral: (variant) => submitReferral(referrerClient, variant),
      assignTo: async (referralId, principal) => {
        if (principal === "anonymous") return;
        const member = users[principal];
        const referral = await test.db.referral.findUniqueOrThrow({ where: { id: referralId } });
        if (member.teamId !== referral.teamId) return;
        await test.db.referral.update({
          where: { id: referralId },
          data: { assigneeId: member.id, status: "IN_TRIAGE", assignedAt: new Date() },
        });
      },
      clientOf: (principal) => clients.get(principal)!,
      leedsTeamId: (await test.db.team.findUniqueOrThrow({ where: { code: "leeds" } })).id,
      calderdaleTeamId: (await test.db.team.findUniqueOrThrow({ where: { code: "calderdale" } })).id,
      routingRuleId: async () =>
        (await test.db.routingRule.findUniqueOrThrow({ where: { postcodePrefix: "OL14" } })).id,
      directoryLoadId: async () =>
        (
          await test.db.postcodeDirectoryLoad.create({
            data: {
              fileName: "ONSPD.csv",
              status: "FAILED",
              bytesTotal: 0n,
              startedById: users.admin.id,
              startedByName: "Admin",
              startedAt: new Date(),
            },
          })
        ).id,
      newLink: async () => {
        const [a, b] = [(await submitReferral(referrerClient)).id, (await submitReferral(referrerClient)).id].sort();
        const link = await test.db.referralLink.create({
          data: {
            firstId: a!,
            secondId: b!,
            score: 50,
            sameChild: false,
            reasons: ["Matrix."],
            computedAt: new Date(),
          },
        });
        return { referralId: a!, linkId: link.id };
      },
    };
  });

  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it("has an entry for every route the API serves", async () => {
    const document = (await app.inject({ method: "GET", url: "/api/docs/json" })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const served = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  // Sign-out ends the session the other rows need, so it goes last.
  const rows = Object.entries(MATRIX).sort(
    ([a], [b]) => Number(a === "POST /api/auth/logout") - Number(b === "POST /api/auth/logout"),
  );
  for (const [route, row] of rows) {
    it(route, async () => {
      const outcomes: Partial<Record<Principal, number>> = {};
      for (const principal of PRINCIPALS) {
        const probe = await row.probe(world, principal);
        const response = await clients
          .get(principal)!
          .request(probe.method, probe.url, { body: probe.body, headers: probe.headers ?? {} });
        outcomes[principal] = response.statusCode;
      }
      const observed = Object.fromEntries(
        PRINCIPALS.map((principal) => {
          const status = outcomes[principal]!;
          if ([401, 403, 404].includes(status)) return [principal, status];
          return [principal, status >= 200 && status < 300 ? "allow" : status < 500 ? "reached" : status];
        }),
      );
      expect(observed, JSON.stringify(outcomes)).toEqual(row.expect);
    });
  }

  it("records every refused access to a referral", async () => {
    const denied = await test.db.auditEvent.findMany({ where: { referralId: world.referralId, outcome: "DENIED" } });
    const deniedActors = new Set(denied.map((event) => event.actorId));
    for (const principal of ["otherReferrer", "triageOtherTeam", "leadOtherTeam"] as const) {
      expect(deniedActors.has(world.users[principal].id), principal).toBe(true);
    }
  });
});
