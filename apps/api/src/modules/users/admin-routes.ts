import {
  adminUserSchema,
  createOrganisationRequestSchema,
  invitationIssuedSchema,
  inviteUserRequestSchema,
  listUsersQuerySchema,
  organisationSchema,
  teamSchema,
  updateUserRequestSchema,
  userPageSchema,
} from "@cse/contracts/admin";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext, stepUpOf } from "../request-context.ts";
import type { UserAdminService } from "./admin-service.ts";

const userParams = z.object({ id: z.uuid({ message: "Must be a valid identifier" }) });
const adminOnly = { access: PERMISSIONS["user.manage"] };

export const adminRoutes: FastifyPluginAsyncZod<{ admin: UserAdminService }> = async (app, { admin }) => {
  app.get(
    "/users",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Users, by email address",
        querystring: listUsersQuerySchema,
        response: { 200: userPageSchema },
      },
    },
    async (request) => admin.listUsers(request.query),
  );

  app.post(
    "/users",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Invite a user: returns a one-time link to set their password",
        body: inviteUserRequestSchema,
        response: { 201: invitationIssuedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await admin.inviteUser(request.user!, request.body, stepUpOf(request), requestContext(request))),
  );

  app.get(
    "/users/:id",
    {
      config: adminOnly,
      schema: { tags: ["admin"], summary: "One user", params: userParams, response: { 200: adminUserSchema } },
    },
    async (request) => admin.getUser(request.params.id),
  );

  app.patch(
    "/users/:id",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Change a user's name, role, organisation or team; a change of access ends their sessions",
        params: userParams,
        body: updateUserRequestSchema,
        response: { 200: adminUserSchema },
      },
    },
    async (request) =>
      admin.updateUser(request.user!, request.params.id, request.body, stepUpOf(request), requestContext(request)),
  );

  const statusChange = (path: string, summary: string, run: typeof admin.enableUser) =>
    app.post(
      `/users/:id/${path}`,
      {
        config: adminOnly,
        schema: { tags: ["admin"], summary, params: userParams, response: { 200: adminUserSchema } },
      },
      async (request) => run(request.user!, request.params.id, stepUpOf(request), requestContext(request)),
    );
  statusChange("disable", "Disable an account: its sessions end at once", (admin_, id, _stepUp, context) =>
    admin.disableUser(admin_, id, context),
  );
  statusChange("enable", "Enable a disabled account (a staff account needs a step-up)", admin.enableUser);
  statusChange(
    "reset-second-factor",
    "Remove a user's authenticator app, so they set it up again (needs a step-up)",
    admin.resetSecondFactor,
  );

  app.post(
    "/users/:id/invitation",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Issue a new one-time link (a password reset, for an existing account)",
        params: userParams,
        response: { 201: invitationIssuedSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await admin.reissueInvitation(request.user!, request.params.id, stepUpOf(request), requestContext(request)),
        ),
  );

  app.get(
    "/organisations",
    {
      config: adminOnly,
      schema: { tags: ["admin"], summary: "Organisations", response: { 200: z.array(organisationSchema) } },
    },
    async () => admin.listOrganisations(),
  );

  app.post(
    "/organisations",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Add an organisation",
        body: createOrganisationRequestSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await admin.createOrganisation(request.user!, request.body, requestContext(request))),
  );

  app.get(
    "/teams",
    { config: adminOnly, schema: { tags: ["admin"], summary: "Teams", response: { 200: z.array(teamSchema) } } },
    async () => admin.listTeams(),
  );
};
