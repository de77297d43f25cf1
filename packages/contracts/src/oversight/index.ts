export * from "./exports.ts";
export * from "./audit-trail.ts";
export * from "./bulk-reassign.ts";
