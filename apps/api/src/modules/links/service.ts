import type { LinkedReferral, ReferralLinks, ReferralNetwork } from "@cse/contracts";
import type { Database, Transaction } from "../../db/client.ts";
import { NotFound } from "../../errors.ts";
import { may } from "../../policy/policy.ts";
import type { Clock } from "../../services/clock.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import type { ReferralAccess } from "../referrals/access.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { buildNetwork } from "./network.ts";

export const LINK_NOT_FOUND = "There is no suggested link with that id on this referral that you can see.";

interface LinkServiceDependencies {
  readonly db: Database;
  readonly audit: AuditService;
  readonly access: ReferralAccess;
  readonly clock: Clock;
}

const otherEnd = (link: { firstId: string; secondId: string }, id: string) =>
  link.firstId === id ? link.secondId : link.firstId;

/**
 * The links of a referral as one viewer may see them. Links never widen access: the other
 * referral is shown only when the same scope that opens a team's file would open it; the rest
 * are counted per holding team, with nothing of their content or reference.
 */
async function linksFor(tx: Transaction, user: AuthenticatedUser, access: ReferralAccess, referralId: string) {
  const links = await tx.referralLink.findMany({
    where: { dismissedAt: null, OR: [{ firstId: referralId }, { secondId: referralId }] },
    orderBy: [{ score: "desc" }, { id: "asc" }],
  });
  const otherIds = links.map((link) => otherEnd(link, referralId));
  const openable = await tx.referral.findMany({
    where: { id: { in: otherIds }, AND: [access.scope(user, "referral.read-as-team")] },
    select: {
      id: true,
      reference: true,
      risk: true,
      status: true,
      submittedAt: true,
      team: { select: { name: true } },
      child: { select: { givenNames: true, familyName: true } },
    },
  });
  const byId = new Map(openable.map((row) => [row.id, row]));
  const linked: LinkedReferral[] = links.flatMap((link) => {
    const other = byId.get(otherEnd(link, referralId));
    if (!other) return [];
    return [
      {
        linkId: link.id,
        referralId: other.id,
        reference: other.reference,
        childName: other.child ? `${other.child.givenNames} ${other.child.familyName}` : "Not known",
        teamName: other.team.name,
        risk: other.risk,
        status: other.status,
        submittedAt: other.submittedAt.toISOString(),
        score: link.score,
        sameChild: link.sameChild,
        reasons: link.reasons,
      },
    ];
  });
  const hiddenIds = otherIds.filter((id) => !byId.has(id));
  const hiddenByTeam = hiddenIds.length
    ? await tx.referral.groupBy({ by: ["teamId"], where: { id: { in: hiddenIds } }, _count: { _all: true } })
    : [];
  const teams = await tx.team.findMany({
    where: { id: { in: hiddenByTeam.map((group) => group.teamId) } },
    select: { id: true, name: true },
  });
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  const heldElsewhere = hiddenByTeam
    .map((group) => ({ teamName: teamName.get(group.teamId) ?? "Another team", count: group._count._all }))
    .sort((a, b) => b.count - a.count || a.teamName.localeCompare(b.teamName));
  return { linked, heldElsewhere };
}

export function createLinkService({ db, audit, access, clock }: LinkServiceDependencies) {
  async function listWithin(
    tx: Transaction,
    user: AuthenticatedUser,
    referralId: string,
    context: RequestContext,
    action: "referral.links.read" | "referral.links.dismiss",
    details: Record<string, string>,
  ): Promise<ReferralLinks> {
    const { linked, heldElsewhere } = await linksFor(tx, user, access, referralId);
    const referral = await tx.referral.findUniqueOrThrow({ where: { id: referralId }, select: { teamId: true } });
    // Which linked referrals were put in front of whom is part of the record of reads.
    await audit.record(tx, {
      actor: user,
      action,
      entityType: "Referral",
      entityId: referralId,
      referralId,
      teamId: referral.teamId,
      requestId: context.requestId,
      details: {
        ...details,
        linkedShown: linked.map((link) => link.referralId),
        heldElsewhere: heldElsewhere.reduce((sum, group) => sum + group.count, 0),
      },
    });
    return { referralId, linked, heldElsewhere, canDismiss: may(user, "link.dismiss") };
  }

  return {
    /** The linked referrals of one of the team's referrals, strongest first (audited). */
    async list(user: AuthenticatedUser, referralId: string, context: RequestContext): Promise<ReferralLinks> {
      return db.$transaction(async (tx) => {
        await access.find(tx, user, referralId, "link.read", context, { id: true });
        return listWithin(tx, user, referralId, context, "referral.links.read", {});
      });
    },

    /**
     * A lead says a suggested link is not the same child or network. The link is kept with who,
     * when and why, and no longer shown; the computation never brings it back.
     */
    async dismiss(
      user: AuthenticatedUser,
      referralId: string,
      linkId: string,
      reason: string,
      context: RequestContext,
    ): Promise<ReferralLinks> {
      return db.$transaction(async (tx) => {
        await access.find(tx, user, referralId, "link.dismiss", context, { id: true });
        const link = await tx.referralLink.findFirst({
          where: { id: linkId, dismissedAt: null, OR: [{ firstId: referralId }, { secondId: referralId }] },
          select: { id: true, firstId: true, secondId: true },
        });
        // Only a link the lead can see both ends of: one held by another team is theirs to judge.
        const other = link
          ? await tx.referral.findFirst({
              where: { id: otherEnd(link, referralId), AND: [access.scope(user, "referral.read-as-team")] },
              select: { id: true },
            })
          : null;
        if (!link || !other) throw new NotFound(LINK_NOT_FOUND);
        await tx.referralLink.update({
          where: { id: link.id },
          data: { dismissedAt: clock.now(), dismissedById: user.id, dismissedReason: reason },
        });
        return listWithin(tx, user, referralId, context, "referral.links.dismiss", {
          linkId: link.id,
          otherReferralId: other.id,
        });
      });
    },

    /** The network picture: what joins the referral to the linked referrals the viewer may open (audited). */
    async network(user: AuthenticatedUser, referralId: string, context: RequestContext): Promise<ReferralNetwork> {
      return db.$transaction(async (tx) => {
        const referral = await access.find(tx, user, referralId, "link.read", context, {
          id: true,
          teamId: true,
          reference: true,
        });
        const { linked, heldElsewhere } = await linksFor(tx, user, access, referralId);
        const network = await buildNetwork(tx, referral, linked);
        const hiddenReferrals = heldElsewhere.reduce((sum, group) => sum + group.count, 0);
        await audit.record(tx, {
          actor: user,
          action: "referral.network.read",
          entityType: "Referral",
          entityId: referralId,
          referralId,
          teamId: referral.teamId,
          requestId: context.requestId,
          details: { linkedShown: linked.map((link) => link.referralId), heldElsewhere: hiddenReferrals },
        });
        return { referralId, ...network, hiddenReferrals };
      });
    },
  };
}

export type LinkService = ReturnType<typeof createLinkService>;
