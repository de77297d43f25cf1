import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseFreeName, normalisePersonName } from "./names.ts";
import { CANONICAL_GIVEN_NAME, GIVEN_NAME_EQUIVALENTS, canonicalGivenName } from "./nicknames.ts";
import { foldText, isNotKnown } from "./text-folding.ts";

describe("foldText", () => {
  it("folds case, accents, apostrophes, hyphens and spacing", () => {
    expect(foldText("  Zoë  O'Brien-Smith ")).toBe("zoe obrien smith");
    expect(foldText("O’BRIEN")).toBe("obrien");
    expect(foldText("Renée\u00a0Dubois")).toBe("renee dubois");
    expect(foldText("İlkay Gündoğan")).toBe("ilkay gundogan");
    expect(foldText("ﬁona")).toBe("fiona");
    expect(foldText("-- . --")).toBe("");
  });

  it("keeps letters of other scripts", () => {
    expect(foldText("محمد")).toBe("محمد");
  });
});

describe("isNotKnown", () => {
  it.each(["unknown", "not known", "n a", "nfa", "no fixed abode", "unknown male", "unidentified man", "tbc"])(
    "recognises %j",
    (value) => {
      expect(isNotKnown(value)).toBe(true);
    },
  );

  it.each(["known", "robert", "nadia", "no 1 high street"])("lets %j through", (value) => {
    expect(isNotKnown(value)).toBe(false);
  });
});

describe("normalisePersonName", () => {
  it("folds case, spacing, accents and punctuation", () => {
    expect(normalisePersonName("  Zoë ", "O'Brien-Smith ")).toBe("zoe obrien smith");
    expect(normalisePersonName("ZOE", "obrien smith")).toBe("zoe obrien smith");
    expect(normalisePersonName("Zoe", "OBrien")).toBe(normalisePersonName("Zoë", "O'Brien"));
  });

  it("keeps 'O Brien' with a space apart from 'O'Brien' (apostrophes vanish, spaces stay)", () => {
    expect(normalisePersonName("Zoe", "O Brien")).toBe("zoe o brien");
  });

  it("maps short forms and spellings of every given name, never the family name", () => {
    expect(normalisePersonName("Bobby", "Smith")).toBe("robert smith");
    expect(normalisePersonName("Liz", "Jones")).toBe("elizabeth jones");
    expect(normalisePersonName("Mary Kate", "Jones")).toBe("mary katherine jones");
    expect(normalisePersonName("Tom", "Bill")).toBe("thomas bill");
    expect(normalisePersonName("Muhammad Ali", "Khan")).toBe(normalisePersonName("Mohammed Ali", "Khan"));
  });

  it("gives an empty key when nothing usable is left, or either part is not known", () => {
    expect(normalisePersonName(" ", " ")).toBe("");
    expect(normalisePersonName("Unknown", "Smith")).toBe("");
    expect(normalisePersonName("Bobby", "Unknown")).toBe("");
    expect(normalisePersonName("Bobby", "N/A")).toBe("");
  });

  it("keeps a name with only one part", () => {
    expect(normalisePersonName("Bobby", "")).toBe("robert");
    expect(normalisePersonName("", "Smith")).toBe("smith");
  });
});

describe("normaliseFreeName", () => {
  it("treats every word but the last as a given name", () => {
    expect(normaliseFreeName("Bob Smith")).toBe("robert smith");
    expect(normaliseFreeName("Mo Khan")).toBe(normaliseFreeName("Muhammad Khan"));
    expect(normaliseFreeName("Tom Bill")).toBe("thomas bill");
    expect(normaliseFreeName("Big Dave Jones")).toBe("big david jones");
  });

  it("agrees with normalisePersonName for the same person", () => {
    expect(normaliseFreeName("Bobby  O'Brien-Smith")).toBe("robert obrien smith");
    expect(normaliseFreeName("Liz Jones")).toBe(normalisePersonName("Elizabeth", "Jones"));
  });

  it("treats a single word as a given name or nickname", () => {
    expect(normaliseFreeName("Mo")).toBe("mohammed");
    expect(normaliseFreeName("Tiny")).toBe("tiny");
  });

  it("gives an empty key for no name, or a name that says it is not known", () => {
    expect(normaliseFreeName("  -- ")).toBe("");
    expect(normaliseFreeName("Unknown")).toBe("");
    expect(normaliseFreeName("unknown male")).toBe("");
    expect(normaliseFreeName("Mo unknown")).toBe("");
    expect(normaliseFreeName("Dave (surname not known)")).toBe("");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (name) => {
        const once = normaliseFreeName(name);
        expect(normaliseFreeName(once)).toBe(once);
      }),
    );
    for (const name of ["Bobby O'Brien", "Zoë Smith-Jones", "Mo", "Liz"]) {
      expect(normaliseFreeName(normaliseFreeName(name))).toBe(normaliseFreeName(name));
    }
  });
});

describe("the nickname table", () => {
  it("maps every form the brief names", () => {
    const expected: Record<string, string> = {
      bob: "robert",
      rob: "robert",
      robbie: "robert",
      liz: "elizabeth",
      lizzie: "elizabeth",
      beth: "elizabeth",
      kate: "katherine",
      katie: "katherine",
      jim: "james",
      jimmy: "james",
      mike: "michael",
      dave: "david",
      chris: "christopher",
      tom: "thomas",
      tommy: "thomas",
      bill: "william",
      will: "william",
      billy: "william",
      sam: "samuel",
      jess: "jessica",
      becky: "rebecca",
      abbie: "abigail",
      abby: "abigail",
      ellie: "eleanor",
      mo: "mohammed",
      muhammad: "mohammed",
      mohammad: "mohammed",
      mohamed: "mohammed",
    };
    for (const [form, canonical] of Object.entries(expected)) expect(canonicalGivenName(form), form).toBe(canonical);
    expect(canonicalGivenName("mohammed")).toBe("mohammed");
    expect(canonicalGivenName("liam")).toBe("liam");
  });

  it("gives each form one canonical name, and never renames a canonical name", () => {
    const forms = Object.values(GIVEN_NAME_EQUIVALENTS).flat();
    expect(new Set(forms).size).toBe(forms.length);
    expect(CANONICAL_GIVEN_NAME.size).toBe(forms.length);
    for (const canonical of Object.keys(GIVEN_NAME_EQUIVALENTS))
      expect(CANONICAL_GIVEN_NAME.has(canonical)).toBe(false);
  });

  it("holds only folded forms, so lookups after folding can find them", () => {
    for (const [canonical, forms] of Object.entries(GIVEN_NAME_EQUIVALENTS)) {
      for (const name of [canonical, ...forms]) expect(foldText(name)).toBe(name);
    }
  });
});
