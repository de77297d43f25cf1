import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { findForbiddenText, textField } from "./common.ts";

describe("the text rule over a whole JSON value", () => {
  it("finds a forbidden character in any string or key, however deep, and says where", () => {
    expect(findForbiddenText({ a: [{ b: "fine" }, { c: ["ok", "bad\u0000"] }] })).toEqual(["a", 1, "c", 1]);
    expect(findForbiddenText({ people: [{ ["nick\ud800"]: "x" }] })).toEqual(["people", 0]);
    expect(findForbiddenText("\u001b")).toEqual([]);
  });

  it("lets every script, emoji, tabs and new lines through", () => {
    expect(findForbiddenText({ a: "Zoë 👍 مرحبا\tline\r\nnext", b: [1, true, null, { c: "日本" }] })).toBeNull();
  });

  it("refuses NUL, control characters and lone surrogates in a text field", () => {
    const field = textField("Name").check(z.trim(), z.minLength(1));
    for (const bad of ["a\u0000", "\u0007", "\u007f", "\ud800", "x\udfffy"]) {
      expect(field.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(field.safeParse("  Zoë 👍  ").data).toBe("Zoë 👍");
  });
});
