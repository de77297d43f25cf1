import { describe, expect, it } from "vitest";
import { uuid7 } from "./uuid7.ts";

describe("uuid7", () => {
  it("is a version 7, RFC 9562 variant UUID carrying the time it was made", () => {
    const at = Date.UTC(2026, 11, 1, 12, 0, 0, 123);
    const id = uuid7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts in the order made, within one millisecond and past its sequence's end", () => {
    const at = Date.now() + 60_000;
    const ids = Array.from({ length: 5000 }, () => uuid7(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("never goes backwards when the clock does", () => {
    const first = uuid7(Date.now() + 120_000);
    expect(uuid7(Date.now()) > first).toBe(true);
  });
});
