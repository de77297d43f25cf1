/** Asks for a referral's links to be computed in the background (on pg-boss in the service). */
export interface LinkRequests {
  /** Never throws: called after a commit, when the change must stand whatever happens here. */
  request(referralId: string): Promise<void>;
}

/** For an app built without a job queue (most tests): links are computed by calling the service. */
export const noLinkRequests: LinkRequests = { request: async () => undefined };
