import { beforeAll, describe, expect, it } from "vitest";
import { SettableClock } from "../../services/clock.ts";
import type { TestClient } from "../../testing/client.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { submitReferral, type ReferralVariant } from "../../testing/referrals.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import { createLinkComputation, type LinkComputation } from "./compute-links.ts";

let district = 1;
/** A child who shares nothing with any other unless a test says so (each in a postcode district of its own). */
const child = (overrides: NonNullable<ReferralVariant["child"]>): NonNullable<ReferralVariant["child"]> => ({
  aliases: [],
  homeAddress: null,
  homePostcode: `BD${district++} 1AA`,
  ...overrides,
});

describe("computing links", () => {
  const context = useTestApp();
  let referrer: TestClient;
  let links: LinkComputation;
  const clock = new SettableClock(new Date("2026-11-30T10:00:00Z"));
  const submit = async (variant: ReferralVariant) => (await submitReferral(referrer, { entities: [], ...variant })).id;
  const storedLinks = () =>
    context.test.db.referralLink.findMany({
      select: { firstId: true, secondId: true, sameChild: true, reasons: true },
    });
  const linkBetween = async (a: string, b: string) =>
    context.test.db.referralLink.findFirst({
      where: {
        OR: [
          { firstId: a, secondId: b },
          { firstId: b, secondId: a },
        ],
      },
    });

  beforeAll(async () => {
    referrer = await signedInClient(context.app, await createUser(context.test.db, { role: "REFERRER" }));
    links = createLinkComputation({ db: context.test.db, clock });
  });

  it("links two children through the same phone number and vehicle, once per pair however often it runs", async () => {
    const shared = { phoneNumbers: ["07700 900501"], vehicleRegistrations: ["YX19 ABC"] };
    const first = await submit({
      child: child({ givenNames: "Chloe", familyName: "Rowe", dateOfBirth: "2011-02-03" }),
      entities: [{ kind: "PERSON", name: "Dean", ...shared }],
    });
    const second = await submit({
      child: child({ givenNames: "Tia", familyName: "Marsh", dateOfBirth: "2010-07-08" }),
      entities: [
        { kind: "PERSON", name: "D", phoneNumbers: ["+44 7700 900501"] },
        { kind: "VEHICLE", vehicleRegistrations: ["yx19abc"] },
      ],
    });

    // A retried job and two instances at once, from both ends of the pair.
    await Promise.all([links.computeFor(second), links.computeFor(second), links.computeFor(first)]);
    await links.computeFor(second);

    const link = await linkBetween(first, second);
    expect(link).toMatchObject({
      firstId: first < second ? first : second,
      sameChild: false,
      score: 100,
      reasons: ["Same phone number of concern", "Same vehicle of concern"],
      computedAt: clock.now(),
    });
    const pairs = (await storedLinks()).filter((row) => [row.firstId, row.secondId].includes(second));
    expect(pairs).toHaveLength(1);
  });

  it("knows Mohammed and Muhammad with one date of birth as the same child", async () => {
    const first = await submit({
      child: child({ givenNames: "Mohammed", familyName: "Iqbal", dateOfBirth: "2012-09-10" }),
    });
    const second = await submit({
      child: child({ givenNames: "Muhammad", familyName: "Iqbal", dateOfBirth: "2012-09-10" }),
    });
    await links.computeFor(second);
    expect(await linkBetween(first, second)).toMatchObject({
      sameChild: true,
      reasons: ["Same child: name and date of birth"],
    });
  });

  it("finds a one-letter typo in the surname with the same date of birth (trigrams)", async () => {
    const first = await submit({
      child: child({ givenNames: "Olivia", familyName: "Brown", dateOfBirth: "2011-11-12" }),
    });
    const second = await submit({
      child: child({ givenNames: "Olivia", familyName: "Bown", dateOfBirth: "2011-11-12" }),
    });
    await links.computeFor(second);
    expect(await linkBetween(first, second)).toMatchObject({
      sameChild: true,
      reasons: ["Same child: similar name and the same date of birth"],
    });
  });

  it("does not link a common name on its own: Jack Smith with another date of birth and nothing else shared", async () => {
    const first = await submit({
      child: child({ givenNames: "Jack", familyName: "Smith", dateOfBirth: "2010-01-01" }),
    });
    const second = await submit({
      child: child({ givenNames: "Jack", familyName: "Smith", dateOfBirth: "2013-06-06" }),
    });
    const third = await submit({
      child: child({ givenNames: "Jack", familyName: "Smyth", dateOfBirth: "2014-04-04" }),
    });
    expect(await links.computeFor(third)).toEqual([]);
    expect(await links.computeFor(second)).toEqual([]);
    expect(await linkBetween(first, second)).toBeNull();
    expect(await linkBetween(second, third)).toBeNull();
  });

  it("with no date of birth, links the same name, age and postcode district, and not another district", async () => {
    const noDate = { dateOfBirth: null, estimatedAgeYears: 14 };
    const first = await submit({
      child: child({ givenNames: "Kayla", familyName: "Doyle", ...noDate, homePostcode: "BD5 0AA" }),
    });
    const second = await submit({
      child: child({
        givenNames: "Kayla",
        familyName: "Doyle",
        ...noDate,
        estimatedAgeYears: 15,
        homePostcode: "BD5 9ZZ",
      }),
    });
    const elsewhere = await submit({
      child: child({ givenNames: "Kayla", familyName: "Doyle", ...noDate, homePostcode: "BD9 4AB" }),
    });
    await links.computeFor(second);
    const link = await linkBetween(first, second);
    expect(link?.sameChild).toBe(true);
    expect(link?.reasons[0]).toMatch(/^Probably the same child: same name, age and area/);
    await links.computeFor(elsewhere);
    expect(await linkBetween(first, elsewhere)).toBeNull();
  });

  it("keeps a lead's 'not the same' when the link is computed again", async () => {
    const handle = { socialHandles: ["@night_rider_77"] };
    const first = await submit({
      child: child({ givenNames: "Erin", familyName: "Cole", dateOfBirth: "2011-03-03" }),
      entities: [{ kind: "PERSON", name: "Rider", ...handle }],
    });
    const second = await submit({
      child: child({ givenNames: "Maya", familyName: "Fox", dateOfBirth: "2012-03-03" }),
      entities: [{ kind: "PERSON", ...handle }],
    });
    await links.computeFor(second);
    const link = (await linkBetween(first, second))!;
    const dismissedAt = new Date("2026-11-30T11:00:00Z");
    await context.test.db.referralLink.update({
      where: { id: link.id },
      data: { dismissedAt, dismissedReason: "Different handle owner" },
    });
    await links.computeFor(first);
    expect(await linkBetween(first, second)).toMatchObject({ id: link.id, dismissedAt });
  });

  it("answers nothing for a referral that does not exist", async () => {
    expect(await links.computeFor("0190a1b2-0000-7000-8000-000000000000")).toEqual([]);
  });
});
