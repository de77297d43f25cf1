import { createAddNote } from "./add-note.ts";
import { createAssignReferral } from "./assign.ts";
import { createBulkReassign } from "./bulk-reassign.ts";
import { createDecide } from "./decide.ts";
import type { TriageDependencies } from "./dependencies.ts";
import { createRiskOverride } from "./override-risk.ts";
import { createQueueService } from "./queue-service.ts";
import { createRouteFromHub } from "./route-from-hub.ts";

/** The team's work on referrals: one use case per file, gathered here for the routes. */
export function createTriageService(dependencies: TriageDependencies) {
  return {
    queue: createQueueService(dependencies),
    assign: createAssignReferral(dependencies),
    bulkReassign: createBulkReassign(dependencies),
    addNote: createAddNote(dependencies),
    riskOverride: createRiskOverride(dependencies),
    decide: createDecide(dependencies),
    routeFromHub: createRouteFromHub(dependencies),
    file: dependencies.file,
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
