import type { RoutingRuleRequest, RoutingRuleView, RoutingTesterResult } from "@cse/contracts/routing";
import { normaliseRoutingPrefix, routablePostcode, routingPrefixLevel } from "@cse/domain";
import type { Database, Transaction } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { NotFound, ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditDetails, AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { routePostcode } from "./route-postcode.ts";

const DECIDED_BY = { POSTCODE_DIRECTORY: "DIRECTORY", POSTCODE_RULE: "RULE", HUB_FALLBACK: "HUB" } as const;

interface RoutingRuleDependencies {
  readonly db: Database;
  readonly audit: AuditService;
}

const withTeam = { team: { select: { id: true, name: true, isHub: true } } } as const;

interface StoredRule {
  readonly id: string;
  readonly postcodePrefix: string;
  readonly teamId: string;
  readonly crossesBoundary: boolean;
  readonly note: string | null;
  readonly updatedAt: Date;
  readonly team: { readonly id: string; readonly name: string; readonly isHub: boolean };
}

const PREFIX_PROBLEM = "Enter a postcode area, district or sector, like LS, LS29 or LS29 8";

export function toRoutingRuleView(rule: StoredRule): RoutingRuleView {
  return {
    id: rule.id,
    postcodePrefix: rule.postcodePrefix,
    level: routingPrefixLevel(rule.postcodePrefix),
    team: rule.team,
    crossesBoundary: rule.crossesBoundary,
    note: rule.note,
    updatedAt: rule.updatedAt.toISOString(),
  };
}

/** A rule as flat audit facts, "before.teamId" and the like, so a change shows both sides. */
function auditFacts(side: "before" | "after", rule: StoredRule): AuditDetails {
  return {
    [`${side}.postcodePrefix`]: rule.postcodePrefix,
    [`${side}.teamId`]: rule.teamId,
    [`${side}.team`]: rule.team.name,
    [`${side}.crossesBoundary`]: rule.crossesBoundary,
    [`${side}.note`]: rule.note,
  };
}

/**
 * Routing rules as data that administrators keep (DESIGN §4). A referral keeps the team it
 * was routed to: a change here applies to referrals submitted after it, never to those
 * already routed. Every change is audited with the rule before and after.
 */
export function createRoutingRuleService({ db, audit }: RoutingRuleDependencies) {
  async function validRule(tx: Transaction, input: RoutingRuleRequest, id: string | null) {
    const postcodePrefix = normaliseRoutingPrefix(input.postcodePrefix);
    const problems = [];
    if (postcodePrefix === null) problems.push({ path: "postcodePrefix", message: PREFIX_PROBLEM });
    if (!(await tx.team.findUnique({ where: { id: input.teamId } }))) {
      problems.push({ path: "teamId", message: "Select a team from the list" });
    }
    if (postcodePrefix !== null) {
      const existing = await tx.routingRule.findUnique({ where: { postcodePrefix } });
      if (existing && existing.id !== id) {
        problems.push({
          path: "postcodePrefix",
          message: `There is already a rule for ${postcodePrefix}: change that one`,
        });
      }
    }
    if (problems.length > 0 || postcodePrefix === null) throw new ValidationFailed(problems);
    return {
      postcodePrefix,
      teamId: input.teamId,
      crossesBoundary: input.crossesBoundary ?? false,
      note: input.note ? input.note : null,
    };
  }

  /** Two administrators adding the same prefix at once: the unique index decides. */
  function duplicateRace(error: unknown): never {
    if (isUniqueViolation(error)) {
      throw new ValidationFailed([{ path: "postcodePrefix", message: "There is already a rule for this prefix" }]);
    }
    throw error;
  }

  async function findRule(tx: Transaction | Database, id: string) {
    const rule = await tx.routingRule.findUnique({ where: { id }, include: withTeam });
    if (!rule) throw new NotFound("There is no routing rule with that id.");
    return rule;
  }

  return {
    async listRules() {
      const rules = await db.routingRule.findMany({ include: withTeam, orderBy: { postcodePrefix: "asc" } });
      return { rules: rules.map(toRoutingRuleView) };
    },

    async getRule(id: string) {
      return toRoutingRuleView(await findRule(db, id));
    },

    async addRule(admin: AuthenticatedUser, input: RoutingRuleRequest, context: RequestContext) {
      return db.$transaction(async (tx) => {
        const data = await validRule(tx, input, null);
        const rule = await tx.routingRule.create({ data, include: withTeam }).catch(duplicateRace);
        await audit.record(tx, {
          actor: admin,
          action: "routing-rule.add",
          entityType: "RoutingRule",
          entityId: rule.id,
          teamId: rule.teamId,
          requestId: context.requestId,
          details: auditFacts("after", rule),
        });
        return toRoutingRuleView(rule);
      });
    },

    async changeRule(admin: AuthenticatedUser, id: string, input: RoutingRuleRequest, context: RequestContext) {
      return db.$transaction(async (tx) => {
        const before = await findRule(tx, id);
        const data = await validRule(tx, input, id);
        const after = await tx.routingRule.update({ where: { id }, data, include: withTeam }).catch(duplicateRace);
        await audit.record(tx, {
          actor: admin,
          action: "routing-rule.change",
          entityType: "RoutingRule",
          entityId: id,
          teamId: after.teamId,
          requestId: context.requestId,
          details: { ...auditFacts("before", before), ...auditFacts("after", after) },
        });
        return toRoutingRuleView(after);
      });
    },

    async removeRule(admin: AuthenticatedUser, id: string, context: RequestContext) {
      await db.$transaction(async (tx) => {
        const before = await findRule(tx, id);
        await tx.routingRule.delete({ where: { id } });
        await audit.record(tx, {
          actor: admin,
          action: "routing-rule.remove",
          entityType: "RoutingRule",
          entityId: id,
          teamId: before.teamId,
          requestId: context.requestId,
          details: auditFacts("before", before),
        });
      });
    },

    /** Which team a referral with this postcode would go to today, and by which rule. */
    async testPostcode(input: string): Promise<RoutingTesterResult> {
      const postcode = routablePostcode(input);
      if (postcode === null) {
        throw new ValidationFailed([
          {
            path: "query.postcode",
            message: "Enter a real postcode, district or sector, like LS1 4AP, LS29 or LS29 8",
          },
        ]);
      }
      return db.$transaction(async (tx) => {
        const routing = await routePostcode(tx, postcode);
        const rule = routing.matchedPrefix
          ? await tx.routingRule.findUnique({ where: { postcodePrefix: routing.matchedPrefix }, include: withTeam })
          : null;
        return {
          postcode,
          team: routing.team,
          rule: rule ? toRoutingRuleView(rule) : null,
          hubReason: routing.hubReason,
          decidedBy: DECIDED_BY[routing.method],
          localAuthorityCode: routing.localAuthorityCode,
          crossesBoundary: routing.crossesBoundary,
          boundaryNote: routing.boundaryNote,
        };
      });
    },
  };
}

export type RoutingRuleService = ReturnType<typeof createRoutingRuleService>;
