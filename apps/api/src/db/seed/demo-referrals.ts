import { randomUUID } from "node:crypto";
import {
  EXAMPLE_REFERRAL_SUBMISSION,
  referralSubmissionSchema,
  type IndicatorCode,
  type Outcome,
} from "@cse/contracts";
import { createOutbox } from "../../modules/notifications/outbox.ts";
import { createAlertService } from "../../modules/alerts/service.ts";
import { createAuditService } from "../../modules/audit/service.ts";
import { createReferralAccess } from "../../modules/referrals/access.ts";
import { createIdempotency } from "../../modules/referrals/idempotency.ts";
import { createReferralSubmissionService } from "../../modules/referrals/submission-service.ts";
import { createLinkComputation } from "../../modules/links/compute-links.ts";
import { createTeamFileService } from "../../modules/triage/file-service.ts";
import { createTriageService } from "../../modules/triage/service.ts";
import { toAuthenticatedUser, userWithMembership, type AuthenticatedUser } from "../../modules/users/user-record.ts";
import { SettableClock } from "../../services/clock.ts";
import type { Database } from "../client.ts";

/** How strongly a sign was seen; a disclosure is simply PRESENT. Signs left out are not known. */
type Level = "LOW" | "MEDIUM" | "HIGH" | "PRESENT";

/** One demo referral: who made it, about whom, how long ago, and what the team has done since. */
interface DemoReferral {
  readonly referrer: string;
  readonly givenNames: string;
  readonly familyName: string;
  readonly ageYears: number;
  readonly homePostcode: string | null;
  readonly hoursAgo: number;
  readonly levels: Partial<Record<IndicatorCode, Level>>;
  readonly immediateDanger?: boolean;
  readonly description: string;
  readonly then?:
    { readonly claimBy: string } | { readonly claimBy: string; readonly decide: Outcome; readonly decideBy: string };
}

// Clearly fictional: "Demo" surnames, and postcodes at the start of each district.
const DEMO_REFERRALS: readonly DemoReferral[] = [
  {
    referrer: "referrer.education",
    givenNames: "Ruby",
    familyName: "Demo-Ashworth",
    ageYears: 14,
    homePostcode: "BD3 9AA",
    hoursAgo: 2,
    immediateDanger: true,
    levels: { going_missing: "HIGH", older_associates: "HIGH" },
    description: "Missing overnight; seen this morning in a car with two adult men outside school.",
  },
  {
    referrer: "referrer.health",
    givenNames: "Aleena",
    familyName: "Demo-Hussain",
    ageYears: 15,
    homePostcode: "BD5 0AA",
    // Eight days back: past its next working day's end on any day of the year, holidays included.
    hoursAgo: 192,
    levels: { gifts_or_money: "MEDIUM", secretive_phone_or_online: "LOW" },
    description: "New expensive phone and clothes she cannot explain; a new older 'friend' online.",
  },
  {
    referrer: "referrer.police",
    givenNames: "Kacper",
    familyName: "Demo-Nowak",
    ageYears: 15,
    homePostcode: "BD7 1AA",
    hoursAgo: 3,
    levels: { transported_by_unknown_adults: "HIGH", alcohol_or_drugs: "MEDIUM" },
    description: "Stopped in a car with adults not known to the family, far from home, late at night.",
    then: { claimBy: "police.bradford" },
  },
  {
    referrer: "referrer.voluntary",
    givenNames: "Chloe",
    familyName: "Demo-Bennett",
    ageYears: 16,
    homePostcode: "BD18 1AA",
    hoursAgo: 5,
    levels: { distancing_from_family: "MEDIUM", change_in_appearance_or_behaviour: "LOW" },
    description: "Withdrawn from youth group and family; talks about a boyfriend nobody has met.",
    then: { claimBy: "triage.bradford" },
  },
  {
    referrer: "referrer.education",
    givenNames: "Tyler",
    familyName: "Demo-Price",
    ageYears: 13,
    homePostcode: "BD10 0AA",
    hoursAgo: 6,
    levels: { school_absence_or_exclusion: "LOW" },
    description: "Attendance has dropped; other pupils say he spends time at a flat in town.",
  },
  {
    referrer: "referrer.health",
    givenNames: "Maya",
    familyName: "Demo-Clarke",
    ageYears: 11,
    homePostcode: "BD2 1AA",
    hoursAgo: 26,
    levels: { secretive_phone_or_online: "LOW" },
    description: "Messages from an adult on a gaming platform asking her to keep their chats secret.",
    then: { claimBy: "triage.bradford", decide: "NO_FURTHER_ACTION", decideBy: "triage.bradford" },
  },
  {
    referrer: "referrer.social-care",
    givenNames: "Jordan",
    familyName: "Demo-Walsh",
    ageYears: 16,
    homePostcode: "BD1 2AA",
    hoursAgo: 30,
    levels: { associating_with_exploited_peers: "MEDIUM", hotel_party_house_visits: "MEDIUM" },
    description: "Named by two other young people as attending 'parties' at a house on the estate.",
    then: { claimBy: "lead.bradford", decide: "STRATEGY_DISCUSSION", decideBy: "lead.bradford" },
  },
  {
    referrer: "referrer.police",
    givenNames: "Sophie",
    familyName: "Demo-Lee",
    ageYears: 15,
    homePostcode: null,
    hoursAgo: 4,
    levels: { going_missing: "MEDIUM" },
    description: "Found at a bus station at 2am; would not give her home address.",
  },
  {
    referrer: "referrer.health",
    givenNames: "Ayaan",
    familyName: "Demo-Patel",
    ageYears: 14,
    homePostcode: "LS8 1AA",
    hoursAgo: 1,
    immediateDanger: true,
    levels: { disclosure_of_sexual_assault: "PRESENT" },
    description: "Disclosed to the school nurse that an adult made him do things he did not want to.",
  },
  {
    referrer: "referrer.education",
    givenNames: "Ellie",
    familyName: "Demo-Turner",
    ageYears: 13,
    homePostcode: "LS12 1AA",
    hoursAgo: 8,
    levels: { self_harm_or_mental_health: "LOW" },
    description: "Low mood and self-harm; a new online friend she met through a group chat.",
  },
  {
    referrer: "referrer.voluntary",
    givenNames: "Liam",
    familyName: "Demo-Murphy",
    ageYears: 15,
    homePostcode: "HD1 1AA",
    hoursAgo: 10,
    levels: { gifts_or_money: "MEDIUM" },
    description: "Cash and a new bike; says an older man pays him to 'run errands'.",
  },
  {
    referrer: "referrer.social-care",
    givenNames: "Grace",
    familyName: "Demo-Wilson",
    ageYears: 16,
    homePostcode: "WF1 1AA",
    hoursAgo: 12,
    levels: { sexual_health_concerns: "LOW" },
    description: "Repeat attendance at the sexual health clinic; vague about who she is seeing.",
  },
  {
    referrer: "referrer.health",
    givenNames: "Noah",
    familyName: "Demo-Green",
    ageYears: 12,
    homePostcode: "HX1 1AA",
    hoursAgo: 9,
    levels: { older_associates: "MEDIUM" },
    description: "Seen regularly with a group of much older youths near the takeaway after dark.",
  },
];

function submissionFor(demo: DemoReferral, now: Date) {
  const born = new Date(now);
  born.setUTCFullYear(born.getUTCFullYear() - demo.ageYears);
  born.setUTCMonth(born.getUTCMonth() - 3);
  const indicators = Object.fromEntries(
    Object.entries(demo.levels).map(([code, level]) => [code, { level, detail: null }]),
  );
  return {
    ...EXAMPLE_REFERRAL_SUBMISSION,
    immediateDanger: demo.immediateDanger ?? false,
    child: {
      ...EXAMPLE_REFERRAL_SUBMISSION.child,
      givenNames: demo.givenNames,
      familyName: demo.familyName,
      aliases: [],
      dateOfBirth: born.toISOString().slice(0, 10),
      homeAddress: demo.homePostcode ? "1 Demo Street" : null,
      homePostcode: demo.homePostcode,
      school: "Demo Academy",
    },
    concern: {
      ...EXAMPLE_REFERRAL_SUBMISSION.concern,
      description: demo.description,
      occurredOn: null,
      location: null,
      indicators,
    },
  };
}

/**
 * A dozen clearly fictional referrals across the teams, made through the same submission and
 * triage services as real ones (on a clock set back in time), so a newcomer signing in as
 * triage.bradford has a queue worth triaging: RED, AMBER and GREEN, one overdue, one RED
 * unclaimed for over an hour, one waiting in the hub, one waiting for a lead, one decided.
 */
export async function seedDemoReferrals(db: Database, now: Date = new Date()): Promise<number> {
  if ((await db.referral.count()) > 0) return 0;
  const clock = new SettableClock(now);
  const audit = createAuditService(db);
  // The demo's back-dated history is not news: nothing of it goes by email.
  const alerts = createAlertService({ db, clock, outbox: createOutbox({ emailEnabled: false }) });
  const access = createReferralAccess({ db, audit });
  const file = createTeamFileService({ db, access, clock });
  const links = createLinkComputation({ db, clock });
  // The demo has no job queue yet: links are computed as each referral is stored.
  const linkRequests = { request: async (referralId: string) => void (await links.computeFor(referralId)) };
  const submission = createReferralSubmissionService({
    // Every seeded submission has a fresh key, so no claim is ever taken over.
    idempotency: createIdempotency(db, 120_000),
    alerts,
    clock,
    linkRequests,
  });
  const triage = createTriageService({ db, audit, access, clock, alerts, file });
  const context = { requestId: "demo-seed", ipAddress: "127.0.0.1" };
  const people = new Map<string, AuthenticatedUser>();
  const person = async (handle: string) => {
    const known = people.get(handle);
    if (known) return known;
    const row = await db.user.findUniqueOrThrow({
      where: { email: `${handle}@demo.example` },
      include: userWithMembership,
    });
    const user = toAuthenticatedUser(row);
    people.set(handle, user);
    return user;
  };

  // Oldest first, so the chronology reads in order.
  const ordered = [...DEMO_REFERRALS].sort((a, b) => b.hoursAgo - a.hoursAgo);
  for (const demo of ordered) {
    clock.set(new Date(now.getTime() - demo.hoursAgo * 3_600_000));
    const raw = submissionFor(demo, clock.now());
    const { body } = await submission.submit(
      await person(demo.referrer),
      { raw, referral: referralSubmissionSchema.parse(raw), idempotencyKey: `demo-${randomUUID()}`, draftId: null },
      context,
    );
    if (!demo.then) continue;
    clock.set(new Date(clock.now().getTime() + 20 * 60_000));
    await triage.assign(await person(demo.then.claimBy), body.id, undefined, context);
    if ("decide" in demo.then) {
      clock.set(new Date(clock.now().getTime() + 60 * 60_000));
      await triage.decide.record(
        await person(demo.then.decideBy),
        body.id,
        {
          outcome: demo.then.decide,
          reason: "Demo decision: the team's reasons are recorded here.",
          messageToReferrer: "Thank you for your referral. The team has decided how to respond and may contact you.",
        },
        context,
      );
    }
  }
  return DEMO_REFERRALS.length;
}
