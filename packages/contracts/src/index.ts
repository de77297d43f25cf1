export * from "./common.ts";
export * from "./auth.ts";
export * from "./referral/index.ts";
export * from "./triage/index.ts";
export * from "./links/index.ts";
// The leads' and the administrators' own contracts are subpaths (@cse/contracts/admin,
// /routing, /dashboard, /notifications, /oversight), not part of this barrel: every page
// imports the barrel, so what it holds is in the JavaScript of every journey, the referral
// form's included.
