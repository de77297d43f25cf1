export * from "./requests.ts";
export * from "./views.ts";
export * from "./transfers.ts";
