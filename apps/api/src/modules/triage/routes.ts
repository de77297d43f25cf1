import {
  addNoteRequestSchema,
  approvalDecisionRequestSchema,
  assignRequestSchema,
  decisionRequestSchema,
  hubRoutingRequestSchema,
  riskOverrideRequestSchema,
  teamReferralDetailSchema,
  uuidSchema,
} from "@cse/contracts";
import { bulkReassignRequestSchema, bulkReassignResultSchema } from "@cse/contracts/oversight";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext, signedInUser } from "../request-context.ts";
import type { TriageService } from "./service.ts";

const params = z.object({ id: uuidSchema });
const routedSchema = z.object({ id: uuidSchema, team: z.object({ id: uuidSchema, name: z.string() }) });

/** The team's actions on a referral. Each answers with the file as it now stands. */
export const triageRoutes: FastifyPluginAsyncZod<{ triage: TriageService }> = async (app, { triage }) => {
  app.post(
    "/:id/assign",
    {
      config: { access: PERMISSIONS["referral.assign"] },
      schema: {
        tags: ["triage"],
        summary: "Take the referral yourself, or (a lead) give it to a member of the team",
        params,
        body: assignRequestSchema,
        response: { 200: teamReferralDetailSchema },
      },
    },
    async (request) =>
      triage.assign(signedInUser(request), request.params.id, request.body.assigneeId, requestContext(request)),
  );

  app.post(
    "/bulk-reassign",
    {
      config: { access: PERMISSIONS["referral.reassign"] },
      schema: {
        tags: ["triage"],
        summary: "Give several of the team's referrals to one member (leads); no cap, a result for each",
        body: bulkReassignRequestSchema,
        response: { 200: bulkReassignResultSchema },
      },
    },
    async (request) => triage.bulkReassign(signedInUser(request), request.body, requestContext(request)),
  );

  app.post(
    "/:id/notes",
    {
      config: { access: PERMISSIONS["note.create"] },
      schema: {
        tags: ["triage"],
        summary: "Add a note for the team, or for your agency and the lead only",
        params,
        body: addNoteRequestSchema,
        response: { 201: teamReferralDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await triage.addNote(signedInUser(request), request.params.id, request.body, requestContext(request))),
  );

  app.post(
    "/:id/risk-override",
    {
      config: { access: PERMISSIONS["risk.override"] },
      schema: {
        tags: ["triage"],
        summary: "Change the risk rating with a reason: raising applies at once, lowering waits for the lead",
        params,
        body: riskOverrideRequestSchema,
        response: { 200: teamReferralDetailSchema },
      },
    },
    async (request) =>
      triage.riskOverride.request(signedInUser(request), request.params.id, request.body, requestContext(request)),
  );

  app.post(
    "/:id/risk-override/decision",
    {
      config: { access: PERMISSIONS["risk.approve"] },
      schema: {
        tags: ["triage"],
        summary: "Approve or refuse a lowering of risk that waits for you (leads)",
        params,
        body: approvalDecisionRequestSchema,
        response: { 200: teamReferralDetailSchema },
      },
    },
    async (request) =>
      triage.riskOverride.decide(signedInUser(request), request.params.id, request.body, requestContext(request)),
  );

  app.post(
    "/:id/decision",
    {
      config: { access: PERMISSIONS["referral.decide"] },
      schema: {
        tags: ["triage"],
        summary: "Record the decision on the response, with a reason and a short message for the referrer",
        params,
        body: decisionRequestSchema,
        response: { 200: teamReferralDetailSchema },
      },
    },
    async (request) =>
      triage.decide.record(signedInUser(request), request.params.id, request.body, requestContext(request)),
  );

  app.post(
    "/:id/decision/approval",
    {
      config: { access: PERMISSIONS["decision.approve"] },
      schema: {
        tags: ["triage"],
        summary: "Approve a decision that waits for a lead, or send it back with a reason (leads)",
        params,
        body: approvalDecisionRequestSchema,
        response: { 200: teamReferralDetailSchema },
      },
    },
    async (request) =>
      triage.decide.answerApproval(signedInUser(request), request.params.id, request.body, requestContext(request)),
  );

  app.post(
    "/:id/route",
    {
      config: { access: PERMISSIONS["referral.route-from-hub"] },
      schema: {
        tags: ["triage"],
        summary: "Send a referral the hub holds to the district team that owns it (hub staff)",
        params,
        body: hubRoutingRequestSchema,
        response: { 200: routedSchema },
      },
    },
    async (request) =>
      triage.routeFromHub(signedInUser(request), request.params.id, request.body, requestContext(request)),
  );
};
