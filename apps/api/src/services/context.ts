/** What a service may know about the request it serves: never the request itself. */
export interface RequestContext {
  readonly requestId: string;
  readonly ipAddress: string;
}
