export * from "./common.ts";
export * from "./auth.ts";
export * from "./admin.ts";
export * from "./routing.ts";
export * from "./referral/index.ts";
export * from "./triage/index.ts";
export * from "./links/index.ts";
export * from "./notifications.ts";
