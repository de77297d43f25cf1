import {
  routingRuleListSchema,
  routingRuleRequestSchema,
  routingRuleSchema,
  routingTesterQuerySchema,
  routingTesterResultSchema,
} from "@cse/contracts/routing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext } from "../request-context.ts";
import type { RoutingRuleService } from "./rules-service.ts";

const ruleParams = z.object({ id: z.uuid({ message: "Must be a valid identifier" }) });
const adminOnly = { access: PERMISSIONS["routing-rule.manage"] };

/** /api/admin/routing-rules: the rules, and a tester that says which team a postcode would go to. */
export const routingRuleRoutes: FastifyPluginAsyncZod<{ rules: RoutingRuleService }> = async (app, { rules }) => {
  app.get(
    "",
    {
      config: adminOnly,
      schema: { tags: ["admin"], summary: "Routing rules, by prefix", response: { 200: routingRuleListSchema } },
    },
    async () => rules.listRules(),
  );

  app.post(
    "",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Add a routing rule for an area, district or sector; it applies to new referrals only",
        body: routingRuleRequestSchema,
        response: { 201: routingRuleSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rules.addRule(request.user!, request.body, requestContext(request))),
  );

  app.get(
    "/tester",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Which team a referral with this postcode would go to, and the rule that matched",
        querystring: routingTesterQuerySchema,
        response: { 200: routingTesterResultSchema },
      },
    },
    async (request) => rules.testPostcode(request.query.postcode),
  );

  app.get(
    "/:id",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "One routing rule",
        params: ruleParams,
        response: { 200: routingRuleSchema },
      },
    },
    async (request) => rules.getRule(request.params.id),
  );

  app.put(
    "/:id",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Change a routing rule; referrals already routed keep their team",
        params: ruleParams,
        body: routingRuleRequestSchema,
        response: { 200: routingRuleSchema },
      },
    },
    async (request) => rules.changeRule(request.user!, request.params.id, request.body, requestContext(request)),
  );

  app.delete(
    "/:id",
    {
      config: adminOnly,
      schema: { tags: ["admin"], summary: "Remove a routing rule", params: ruleParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await rules.removeRule(request.user!, request.params.id, requestContext(request));
      return reply.code(204).send(null);
    },
  );
};
