import { describe, expect, it } from "vitest";
import { queueApiPath, queueHref, readQueueState } from "./queue-query.ts";

describe("the team queue's state in the URL", () => {
  it("reads a view, filters and a cursor, and asks the API for exactly that", () => {
    const state = readQueueState(new URLSearchParams("view=mine&status=IN_TRIAGE&risk=RED&cursor=abc"));
    expect(state).toEqual({ view: "mine", status: "IN_TRIAGE", risk: "RED", cursor: "abc" });
    expect(queueApiPath(state)).toBe(
      "/api/referrals?scope=team&limit=25&assignee=mine&status=IN_TRIAGE&risk=RED&cursor=abc",
    );
    expect(queueHref(state)).toBe("?view=mine&status=IN_TRIAGE&risk=RED&cursor=abc");
  });

  it("asks for the referrals needing attention with attention=true", () => {
    const state = readQueueState(new URLSearchParams("view=attention"));
    expect(queueApiPath(state)).toBe("/api/referrals?scope=team&limit=25&attention=true");
  });

  it("ignores what it does not recognise, including a decided status the queue never holds", () => {
    const state = readQueueState(new URLSearchParams("view=everything&status=DECIDED&risk=PURPLE"));
    expect(state).toEqual({ view: "all", status: null, risk: null, cursor: null });
    expect(queueApiPath(state)).toBe("/api/referrals?scope=team&limit=25");
    expect(queueHref(state)).toBe("?");
  });
});
