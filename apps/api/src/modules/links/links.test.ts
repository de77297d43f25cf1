import type { ReferralCreated, ReferralLinks, ReferralNetwork } from "@cse/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../services/clock.ts";
import { submitReferral, type ReferralVariant } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import { createLinkComputation } from "./compute-links.ts";

type Entity = NonNullable<ReferralVariant["entities"]>[number];
const person: Entity = { kind: "PERSON", name: "Dean Rigg", phoneNumbers: ["07700 900777"] };
const car: Entity = { kind: "VEHICLE", vehicleRegistrations: ["YX19 ZZZ"] };

describe("linked referrals on the team's file", () => {
  const context = useTestApp();
  let world: TeamWorld;
  /** Bradford's: the first of the pair. */
  let first: ReferralCreated;
  /** Bradford's: shares the phone and the car with the first. */
  let second: ReferralCreated;
  /** Leeds's: shares the phone with the first. Bradford must never see it. */
  let leeds: ReferralCreated;
  /** Bradford's: a common name and nothing else in common with the first. */
  let namesake: ReferralCreated;

  const submit = (child: NonNullable<ReferralVariant["child"]>, entities: ReferralVariant["entities"] = []) =>
    submitReferral(world.clients.referrer, { child: { aliases: [], homeAddress: null, ...child }, entities });

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    const links = createLinkComputation({ db: context.test.db, clock: systemClock });
    first = await submit(
      { givenNames: "Jack", familyName: "Smith", dateOfBirth: "2011-01-01", homePostcode: "BD3 9AA" },
      [person, car],
    );
    second = await submit(
      { givenNames: "Lacey", familyName: "Hart", dateOfBirth: "2012-02-02", homePostcode: "BD4 7AA" },
      [{ kind: "PERSON", name: "D", phoneNumbers: ["+447700900777"] }, car],
    );
    leeds = await submit(
      { givenNames: "Tyler", familyName: "Wood", dateOfBirth: "2010-03-03", homePostcode: "LS6 1AA" },
      [{ kind: "PERSON", name: "Deano", phoneNumbers: ["07700900777"] }],
    );
    namesake = await submit({
      givenNames: "Jack",
      familyName: "Smith",
      dateOfBirth: "2013-09-09",
      homePostcode: "BD7 2AA",
    });
    for (const created of [first, second, leeds, namesake]) await links.computeFor(created.id);
  });

  it("shows the linked referrals the member may open, with what matched, and only a count for another team's", async () => {
    const answer = await world.clients.triage.get(`/api/referrals/${first.id}/links`);
    expect(answer.statusCode).toBe(200);
    const body = answer.json<ReferralLinks>();
    expect(body.linked).toEqual([
      expect.objectContaining({
        referralId: second.id,
        reference: second.reference,
        childName: "Lacey Hart",
        sameChild: false,
        reasons: ["Same phone number of concern", "Same vehicle of concern"],
      }),
    ]);
    expect(body.heldElsewhere).toEqual([{ teamName: expect.stringMatching(/Leeds/), count: 1 }]);
    expect(body.canDismiss).toBe(false);
    // Nothing of the Leeds referral, and no link from a common name alone.
    expect(answer.body).not.toContain(leeds.id);
    expect(answer.body).not.toContain(leeds.reference);
    expect(answer.body).not.toContain("Tyler");
    expect(answer.body).not.toContain(namesake.id);

    const audited = await context.test.db.auditEvent.findFirst({
      where: { referralId: first.id, action: "referral.links.read", actorId: world.users.triage.id },
    });
    expect(audited?.details).toMatchObject({ linkedShown: [second.id], heldElsewhere: 1 });
  });

  it("shows Leeds the Leeds referral's links only as a count of Bradford's, and refuses Bradford's referral (404)", async () => {
    const fromLeeds = (await world.clients.leedsTriage.get(`/api/referrals/${leeds.id}/links`)).json<ReferralLinks>();
    expect(fromLeeds.linked).toEqual([]);
    // The phone joins it to both of Bradford's.
    expect(fromLeeds.heldElsewhere).toEqual([{ teamName: expect.stringMatching(/Bradford/), count: 2 }]);
    expect((await world.clients.leedsTriage.get(`/api/referrals/${first.id}/links`)).statusCode).toBe(404);
    expect((await world.clients.leedsLead.get(`/api/referrals/${first.id}/network`)).statusCode).toBe(404);
    expect((await world.clients.referrer.get(`/api/referrals/${first.id}/links`)).statusCode).toBe(403);
  });

  it("audits following a link as any read of the linked referral", async () => {
    expect((await world.clients.triage.get(`/api/referrals/${second.id}`)).statusCode).toBe(200);
    const read = await context.test.db.auditEvent.count({
      where: { referralId: second.id, action: "referral.read", actorId: world.users.triage.id },
    });
    expect(read).toBe(1);
  });

  it("draws the network from the referrals the member may open, and nothing of the others", async () => {
    const answer = await world.clients.triage.get(`/api/referrals/${first.id}/network`);
    expect(answer.statusCode).toBe(200);
    const network = answer.json<ReferralNetwork>();
    expect(network.nodes.filter((node) => node.kind === "REFERRAL").map((node) => node.referralId)).toEqual([
      first.id,
      second.id,
    ]);
    expect(
      network.nodes
        .filter((node) => node.kind !== "REFERRAL")
        .map((node) => node.label)
        .sort(),
    ).toEqual(["Phone: +447700900777", "Vehicle: YX19ZZZ"]);
    expect(network.edges).toHaveLength(4);
    expect(network.hiddenReferrals).toBe(1);
    expect(answer.body).not.toContain(leeds.id);
    expect(answer.body).not.toContain(leeds.reference);
    expect(answer.body).not.toMatch(/deano|tyler/i);
  });

  it("refuses a dismissal from a member who is not a lead, and one without a reason, storing nothing", async () => {
    const { linked } = (await world.clients.lead.get(`/api/referrals/${first.id}/links`)).json<ReferralLinks>();
    const linkId = linked[0]!.linkId;
    const byMember = await world.clients.triage.post(`/api/referrals/${first.id}/links/${linkId}/dismiss`, {
      reason: "Not the same",
    });
    expect(byMember.statusCode).toBe(403);
    const blank = await world.clients.lead.post(`/api/referrals/${first.id}/links/${linkId}/dismiss`, { reason: " " });
    expect(blank.statusCode).toBe(400);
    expect(blank.headers["content-type"]).toMatch(/problem\+json/);
    expect(await context.test.db.referralLink.count({ where: { dismissedAt: { not: null } } })).toBe(0);
  });

  it("refuses to dismiss a link to a referral the lead cannot open, as if it did not exist", async () => {
    const hidden = await context.test.db.referralLink.findFirstOrThrow({
      where: { OR: [{ firstId: leeds.id }, { secondId: leeds.id }] },
    });
    const answer = await world.clients.lead.post(`/api/referrals/${first.id}/links/${hidden.id}/dismiss`, {
      reason: "Not the same",
    });
    expect(answer.statusCode).toBe(404);
    expect((await context.test.db.referralLink.findUniqueOrThrow({ where: { id: hidden.id } })).dismissedAt).toBeNull();
  });

  it("lets a lead mark a link 'not the same' with a reason, which stops it being shown and is audited", async () => {
    const { linked } = (await world.clients.lead.get(`/api/referrals/${first.id}/links`)).json<ReferralLinks>();
    const linkId = linked[0]!.linkId;
    const answer = await world.clients.lead.post(`/api/referrals/${first.id}/links/${linkId}/dismiss`, {
      reason: "The car was sold between the two sightings.",
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json<ReferralLinks>().linked).toEqual([]);
    const fromSecond = (await world.clients.triage.get(`/api/referrals/${second.id}/links`)).json<ReferralLinks>();
    expect(fromSecond.linked).toEqual([]);
    expect(await context.test.db.referralLink.findUniqueOrThrow({ where: { id: linkId } })).toMatchObject({
      dismissedById: world.users.lead.id,
      dismissedReason: "The car was sold between the two sightings.",
    });
    const audited = await context.test.db.auditEvent.findFirst({
      where: { referralId: first.id, action: "referral.links.dismiss" },
    });
    expect(audited?.details).toMatchObject({ linkId, otherReferralId: second.id });
    // Dismissed once is dismissed: a second attempt finds nothing to dismiss.
    const again = await world.clients.lead.post(`/api/referrals/${first.id}/links/${linkId}/dismiss`, {
      reason: "Again",
    });
    expect(again.statusCode).toBe(404);
  });
});
