import type { Database } from "../../db/client.ts";
import type { Clock } from "../../services/clock.ts";
import type { AlertService } from "../alerts/service.ts";
import type { AuditService } from "../audit/service.ts";
import type { ReferralAccess } from "../referrals/access.ts";
import type { TeamFileService } from "./file-service.ts";

/** What every triage use case is built from (wired once in services/index.ts). */
export interface TriageDependencies {
  readonly db: Database;
  readonly audit: AuditService;
  readonly access: ReferralAccess;
  readonly clock: Clock;
  readonly alerts: AlertService;
  readonly file: TeamFileService;
}
