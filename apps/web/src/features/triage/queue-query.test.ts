import { describe, expect, it } from "vitest";
import { queueApiPath, queueHref, readQueueState } from "./queue-query.ts";

describe("the team queue's state in the URL", () => {
  it("reads a view, filters and a cursor, and asks the API for exactly that", () => {
    const state = readQueueState(new URLSearchParams("view=mine&status=IN_TRIAGE&risk=RED&cursor=abc"));
    expect(state).toEqual({ view: "mine", status: "IN_TRIAGE", risk: "RED", due: null, member: null, cursor: "abc" });
    expect(queueApiPath(state)).toBe(
      "/api/referrals?scope=team&limit=25&assignee=mine&status=IN_TRIAGE&risk=RED&cursor=abc",
    );
    expect(queueHref(state)).toBe("?view=mine&status=IN_TRIAGE&risk=RED&cursor=abc");
  });

  it("asks for the referrals needing attention with attention=true", () => {
    const state = readQueueState(new URLSearchParams("view=attention"));
    expect(queueApiPath(state)).toBe("/api/referrals?scope=team&limit=25&attention=true");
  });

  it("carries the decision clock's filter (the dashboard's links) to the API", () => {
    const state = readQueueState(new URLSearchParams("due=overdue"));
    expect(state.due).toBe("overdue");
    expect(queueApiPath(state)).toBe("/api/referrals?scope=team&limit=25&due=overdue");
    expect(queueHref({ ...state, view: "unassigned" })).toBe("?view=unassigned&due=overdue");
    const member = readQueueState(new URLSearchParams("member=0194f3a2-7b1c-7d2e-8f3a-1b2c3d4e5f60&due=today"));
    expect(queueApiPath(member)).toBe(
      "/api/referrals?scope=team&limit=25&due=today&member=0194f3a2-7b1c-7d2e-8f3a-1b2c3d4e5f60",
    );
    expect(readQueueState(new URLSearchParams("member=someone")).member).toBeNull();
  });

  it("ignores what it does not recognise, including a decided status the queue never holds", () => {
    const state = readQueueState(new URLSearchParams("view=everything&status=DECIDED&risk=PURPLE&due=soon"));
    expect(state).toEqual({ view: "all", status: null, risk: null, due: null, member: null, cursor: null });
    expect(queueApiPath(state)).toBe("/api/referrals?scope=team&limit=25");
    expect(queueHref(state)).toBe("?");
  });
});
