import { describe, expect, it } from "vitest";
import { preparedStatementNames } from "./client.ts";

describe("naming prepared statements", () => {
  it("names a statement from its second use on, the same name each time", () => {
    const name = preparedStatementNames(10);
    expect(name({ sql: "SELECT 1" })).toBe("");
    const named = name({ sql: "SELECT 1" });
    expect(named).toMatch(/^s[\w-]{27}$/);
    expect(name({ sql: "SELECT 1" })).toBe(named);
    expect(name({ sql: "SELECT 2" })).toBe("");
    expect(name({ sql: "SELECT 2" })).not.toBe(named);
  });

  it("keeps at most the given number prepared, however many texts repeat", () => {
    const name = preparedStatementNames(3);
    const names = new Set<string>();
    for (let text = 0; text < 10; text += 1) {
      for (let use = 0; use < 3; use += 1) names.add(name({ sql: `SELECT ${text}` }));
    }
    names.delete("");
    expect(names.size).toBe(3);
  });

  it("lets one-off texts pass unnamed without remembering them all", () => {
    const name = preparedStatementNames(2);
    for (let text = 0; text < 1000; text += 1) expect(name({ sql: `INSERT ${text}` })).toBe("");
    // Its memory of single uses was cleared along the way, and repeats are still named.
    expect(name({ sql: "SELECT again" })).toBe("");
    expect(name({ sql: "SELECT again" })).not.toBe("");
  });
});
