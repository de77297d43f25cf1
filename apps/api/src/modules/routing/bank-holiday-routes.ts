import {
  bankHolidayExceptionListSchema,
  bankHolidayExceptionRequestSchema,
  bankHolidayExceptionSchema,
} from "@cse/contracts/routing";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { PERMISSIONS } from "../../policy/permissions.ts";
import { requestContext } from "../request-context.ts";
import type { BankHolidayService } from "./bank-holiday-service.ts";

const dayParams = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Must be a date, YYYY-MM-DD") });
const adminOnly = { access: PERMISSIONS["bank-holiday.manage"] };

/** /api/admin/bank-holidays: one-off days that feed the working-day clock. */
export const bankHolidayRoutes: FastifyPluginAsyncZod<{ bankHolidays: BankHolidayService }> = async (
  app,
  { bankHolidays },
) => {
  app.get(
    "",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "One-off bank-holiday changes, newest first",
        response: { 200: bankHolidayExceptionListSchema },
      },
    },
    async () => bankHolidays.list(),
  );

  app.post(
    "",
    {
      config: adminOnly,
      schema: {
        tags: ["admin"],
        summary: "Add a one-off day; it applies to the clock of referrals submitted after it",
        body: bankHolidayExceptionRequestSchema,
        response: { 201: bankHolidayExceptionSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await bankHolidays.add(request.user!, request.body, requestContext(request))),
  );

  app.delete(
    "/:date",
    {
      config: adminOnly,
      schema: { tags: ["admin"], summary: "Remove a one-off day", params: dayParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await bankHolidays.remove(request.user!, request.params.date, requestContext(request));
      return reply.code(204).send(null);
    },
  );
};
