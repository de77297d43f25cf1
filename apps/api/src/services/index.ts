import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { createAuditService } from "../modules/audit/service.ts";
import { createReferralTrail } from "../modules/audit/referral-trail.ts";
import { createReferralExport } from "../modules/exports/export-referrals.ts";
import { createAuthService } from "../modules/auth/service.ts";
import { createThrottle } from "../modules/auth/throttle.ts";
import { createDashboardService } from "../modules/dashboard/service.ts";
import { createDraftService } from "../modules/drafts/service.ts";
import { createAlertService } from "../modules/alerts/service.ts";
import { createDeadlineWatch } from "../modules/notifications/deadlines.ts";
import { createOutbox } from "../modules/notifications/outbox.ts";
import { createNotificationPreferences } from "../modules/notifications/preferences-service.ts";
import { createOutboxStatus } from "../modules/notifications/outbox-status.ts";
import { createReferralAccess } from "../modules/referrals/access.ts";
import { createTeamFileService } from "../modules/triage/file-service.ts";
import { createTriageService } from "../modules/triage/service.ts";
import { createTransferService } from "../modules/transfers/service.ts";
import { createHealthService } from "../modules/health/service.ts";
import { createIdempotency } from "../modules/referrals/idempotency.ts";
import { createReferralReadingService } from "../modules/referrals/reading-service.ts";
import { createReferralSubmissionService } from "../modules/referrals/submission-service.ts";
import { createBankHolidayService } from "../modules/routing/bank-holiday-service.ts";
import { createPostcodeDirectoryService } from "../modules/routing/directory-service.ts";
import { createRoutingRuleService } from "../modules/routing/rules-service.ts";
import { createLinkService } from "../modules/links/service.ts";
import { noLinkRequests, type LinkRequests } from "../modules/links/link-requests.ts";
import { createUserAdminService } from "../modules/users/admin-service.ts";
import { createInvitationService } from "../modules/users/invitation-service.ts";
import { createSecretBox } from "../security/encryption.ts";
import type { Secrets } from "../startup/secrets.ts";
import { systemClock, type Clock } from "./clock.ts";

export interface ServiceDependencies {
  readonly config: Config;
  readonly db: Database;
  readonly secrets: Secrets;
  /** "Now" for every rule; tests pass a clock they can set. */
  readonly clock?: Clock;
  /** Where submissions ask for links to be computed: the job queue in the service. */
  readonly linkRequests?: LinkRequests;
}

/** The composition root: every service is built once here and handed to the routes. */
export function createServices({
  config,
  db,
  secrets,
  clock = systemClock,
  linkRequests = noLinkRequests,
}: ServiceDependencies) {
  const audit = createAuditService(db);
  const access = createReferralAccess({ db, audit });
  const outbox = createOutbox({ emailEnabled: config.email.mode !== "off" });
  const alerts = createAlertService({ db, clock, outbox });
  const teamFile = createTeamFileService({ db, access, clock });
  const throttle = createThrottle(db);
  const secretBox = createSecretBox(secrets.encryptionKey);
  const idempotency = createIdempotency(db, config.idempotencyTakeoverMs);
  const triageDependencies = { db, audit, access, clock, alerts, file: teamFile };
  return {
    audit,
    throttle,
    health: createHealthService(db),
    auth: createAuthService({ db, audit, throttle, secretBox, config }),
    userAdmin: createUserAdminService({ db, audit, config, clock, outbox, secretBox }),
    routingRules: createRoutingRuleService({ db, audit }),
    postcodeDirectory: createPostcodeDirectoryService({ db, audit, clock }),
    bankHolidays: createBankHolidayService({ db, audit }),
    invitations: createInvitationService({ db, audit }),
    idempotency,
    drafts: createDraftService({ db, audit, config }),
    referralSubmission: createReferralSubmissionService({ idempotency, alerts, clock, linkRequests }),
    referralReading: createReferralReadingService({ db, audit, access, teamFile, clock, linkRequests }),
    triage: createTriageService(triageDependencies),
    transfers: createTransferService(triageDependencies),
    alerts,
    outbox,
    deadlines: createDeadlineWatch({ db, clock, alerts }),
    notificationPreferences: createNotificationPreferences({ db }),
    outboxStatus: createOutboxStatus({ db, clock }),
    links: createLinkService({ db, audit, access, clock }),
    exportReferrals: createReferralExport({ db, audit }),
    readReferralTrail: createReferralTrail({ db, audit, access }),
    dashboard: createDashboardService({ db, audit, clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
