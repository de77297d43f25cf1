import {
  openReferralStatusSchema,
  queueDueSchema,
  riskRatingSchema,
  uuidSchema,
  type OpenReferralStatus,
  type QueueDue,
  type RiskRating,
} from "@cse/contracts";

/** The queue's views, each one of the counts the API gives (`counts.all`, `counts.mine`...). */
export const queueViews = [
  { id: "all", label: "All open" },
  { id: "mine", label: "Assigned to me" },
  { id: "unassigned", label: "Unassigned" },
  { id: "attention", label: "Needs attention" },
] as const;
export type QueueView = (typeof queueViews)[number]["id"];

/** What the queue shows, all of it in the URL so that reload, back and a shared link agree. */
export interface QueueState {
  readonly view: QueueView;
  readonly status: OpenReferralStatus | null;
  readonly risk: RiskRating | null;
  /** Where the decision clock stands (the dashboard's figures link here with it). */
  readonly due: QueueDue | null;
  /** Only one member's referrals (the dashboard's workload links here with their id). */
  readonly member: string | null;
  readonly cursor: string | null;
}

/** Reads the page's URL; anything it does not recognise is ignored rather than sent on. */
export function readQueueState(params: URLSearchParams): QueueState {
  const view = queueViews.find((candidate) => candidate.id === params.get("view"))?.id ?? "all";
  const status = openReferralStatusSchema.safeParse(params.get("status"));
  const risk = riskRatingSchema.safeParse(params.get("risk"));
  const due = queueDueSchema.safeParse(params.get("due"));
  const member = uuidSchema.safeParse(params.get("member"));
  return {
    view,
    status: status.success ? status.data : null,
    risk: risk.success ? risk.data : null,
    due: due.success ? due.data : null,
    member: member.success ? member.data : null,
    cursor: params.get("cursor") || null,
  };
}

function filterParams(state: QueueState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set("status", state.status);
  if (state.risk) params.set("risk", state.risk);
  if (state.due) params.set("due", state.due);
  if (state.member) params.set("member", state.member);
  return params;
}

/** The page's own link for a state: "?view=mine&risk=RED". */
export function queueHref(state: QueueState): string {
  const params = new URLSearchParams();
  if (state.view !== "all") params.set("view", state.view);
  for (const [key, value] of filterParams(state)) params.set(key, value);
  if (state.cursor) params.set("cursor", state.cursor);
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/** The API request for a state (GET /api/referrals?scope=team...). */
export function queueApiPath(state: QueueState, limit = 25): string {
  const params = new URLSearchParams({ scope: "team", limit: String(limit) });
  if (state.view === "mine" || state.view === "unassigned") params.set("assignee", state.view);
  if (state.view === "attention") params.set("attention", "true");
  for (const [key, value] of filterParams(state)) params.set(key, value);
  if (state.cursor) params.set("cursor", state.cursor);
  return `/api/referrals?${params.toString()}`;
}
