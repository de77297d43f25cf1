import { describe, expect, it } from "vitest";
import { datePartsToIso } from "./date-parts.ts";
import { EXAMPLE_REFERRAL_SUBMISSION } from "./example.ts";
import { emptyEntity, emptyReferralForm, validateReferralForm, type ReferralFormValues } from "./form.ts";
import { NO_SIGNS_SEEN } from "./indicators.ts";
import { referralSubmissionSchema } from "./submission.ts";

function completeForm(): ReferralFormValues {
  const form = emptyReferralForm({ jobTitle: "Teacher" });
  form.immediateDanger = "no";
  Object.assign(form.child, {
    givenNames: "Amira",
    familyName: "Khan",
    aliases: "Ami\nMimi",
    dateOfBirthKnown: "yes",
    dateOfBirth: { day: "6", month: "5", year: "2012" },
    homePostcode: "bd1 1aa",
    lookedAfter: "NO",
  });
  Object.assign(form.concern, { description: "Seen getting into a car with older men.", informationSource: "SEEN" });
  form.concern.signs = ["going_missing", "disclosure_of_sexual_assault"];
  form.concern.indicators.going_missing = { level: "HIGH", detail: "Missing three nights" };
  form.entities = [
    {
      kind: "PERSON",
      name: "Jay",
      nicknames: "J, Jay-Jay",
      approximateAge: "25",
      phoneNumbers: "07700 900123\n07700 900124",
      socialHandles: "",
      addresses: "1 High St, Leeds",
      postcodes: "",
      vehicleRegistrations: "",
      description: "",
      linkToChild: "",
    },
  ];
  Object.assign(form.informationSharing, {
    parentsAware: "YES",
    childAware: "NO",
    consent: "GIVEN",
    lawfulBasis: "CONSENT",
    referrerIdentityShareable: "yes",
  });
  form.aboutYou.phone = "0113 496 0000";
  return form;
}

const messagesOf = (form: ReferralFormValues) => {
  const result = validateReferralForm(form);
  return result.success ? {} : Object.fromEntries(result.issues.map((issue) => [issue.path, issue.message]));
};

describe("validateReferralForm", () => {
  it("accepts a complete form and produces the API's shape", () => {
    const result = validateReferralForm(completeForm());
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.immediateDanger).toBe(false);
    expect(result.data.child.dateOfBirth).toBe("2012-05-06");
    expect(result.data.child.aliases).toEqual(["Ami", "Mimi"]);
    expect(result.data.child.homePostcode).toBe("bd1 1aa");
    expect(result.data.entities[0]).toMatchObject({
      nicknames: ["J", "Jay-Jay"],
      approximateAge: 25,
      phoneNumbers: ["07700 900123", "07700 900124"],
      addresses: ["1 High St, Leeds"],
    });
    expect(result.data.informationSharing.referrerIdentityShareable).toBe(true);
    // Only the ticked signs are sent; a disclosure is simply present.
    expect(result.data.concern.indicators).toEqual({
      going_missing: { level: "HIGH", detail: "Missing three nights" },
      disclosure_of_sexual_assault: { level: "PRESENT", detail: null },
    });
    // The server accepts exactly what the browser built.
    expect(referralSubmissionSchema.safeParse(result.submission).success).toBe(true);
  });

  it("names every missing answer on an empty form, with GOV.UK messages", () => {
    const messages = messagesOf(emptyReferralForm());
    expect(messages).toMatchObject({
      immediateDanger: "Select whether the child is in immediate danger",
      "child.givenNames": "Enter the child's first name",
      "child.familyName": "Enter the child's last name",
      "child.dateOfBirthKnown": "Enter the child's date of birth, or their approximate age if you do not know it",
      "concern.description": "Describe what was seen, heard or disclosed",
      "concern.informationSource": "Select how you know about this concern",
      "concern.signs": "Select the signs you have seen or been told about, or select 'None of these'",
      "informationSharing.consent": "Select whether consent was given to share this information",
      "aboutYou.phone": "Enter a phone number we can call you on",
    });
  });

  it("treats an unanswered radio group (null, as react-hook-form reports it) as not answered", () => {
    const withNulls = emptyReferralForm();
    const unanswered = null as unknown as string;
    withNulls.immediateDanger = unanswered;
    Object.assign(withNulls.child, {
      dateOfBirthKnown: unanswered,
      gender: unanswered,
      interpreterNeeded: unanswered,
      lookedAfter: unanswered,
    });
    Object.assign(withNulls.informationSharing, {
      consent: unanswered,
      lawfulBasis: unanswered,
      referrerIdentityShareable: unanswered,
    });
    expect(messagesOf(withNulls)).toMatchObject({
      immediateDanger: "Select whether the child is in immediate danger",
      "child.givenNames": expect.any(String),
      "child.dateOfBirthKnown": "Enter the child's date of birth, or their approximate age if you do not know it",
      "informationSharing.consent": "Select whether consent was given to share this information",
    });
  });

  it("uses the GOV.UK messages for a partly filled date", () => {
    const form = completeForm();
    form.child.dateOfBirth = { day: "6", month: "5", year: "" };
    expect(messagesOf(form)["child.dateOfBirth"]).toBe("Date of birth must include a year");
    form.child.dateOfBirth = { day: "31", month: "2", year: "2012" };
    expect(messagesOf(form)["child.dateOfBirth"]).toBe("The child's date of birth must be a real date");
  });

  it("refuses a date of birth in the future, or of an adult, with the server's own message", () => {
    const form = completeForm();
    form.child.dateOfBirth = { day: "1", month: "1", year: "2999" };
    expect(messagesOf(form)["child.dateOfBirth"]).toBe("The child's date of birth must be today or in the past");
    form.child.dateOfBirth = { day: "1", month: "1", year: "1990" };
    expect(messagesOf(form)["child.dateOfBirth"]).toBe(
      "The child must be under 18. For adults, contact adult social care",
    );
  });

  it("takes an approximate age when the date of birth is not known", () => {
    const form = completeForm();
    form.child.dateOfBirthKnown = "no";
    form.child.estimatedAgeYears = "twelve";
    expect(messagesOf(form)["child.estimatedAgeYears"]).toBe("Enter the child's age as a number");
    form.child.estimatedAgeYears = "12";
    expect(validateReferralForm(form)).toMatchObject({
      success: true,
      data: { child: { estimatedAgeYears: 12, dateOfBirth: null } },
    });
  });

  it("takes 'None of these' as an answer, and never sends a sign that was not ticked", () => {
    const form = completeForm();
    form.concern.signs = [NO_SIGNS_SEEN];
    expect(validateReferralForm(form)).toMatchObject({ success: true, data: { concern: { indicators: {} } } });
    form.concern.signs = [NO_SIGNS_SEEN, "going_missing"];
    expect(messagesOf(form)["concern.signs"]).toBe(
      "Select the signs you have seen or been told about, or select 'None of these'",
    );
  });

  it("names the sign in every error about one", () => {
    const form = completeForm();
    form.concern.signs = ["going_missing", "older_associates"];
    form.concern.indicators.going_missing = { level: "", detail: "" };
    expect(messagesOf(form)).toEqual({
      "concern.indicators.going_missing.level": "Select how strong the sign of going missing is",
      "concern.indicators.older_associates.level": "Select how strong the sign of older 'boyfriend' or associates is",
    });
  });

  it("shows every error of a page at once, cross-field rules included", () => {
    const form = completeForm();
    Object.assign(form.informationSharing, { parentsAware: "", consent: "NOT_SOUGHT", lawfulBasis: "CONSENT" });
    form.child.lookedAfter = "YES";
    form.child.homePostcode = "LS99";
    expect(messagesOf(form)).toEqual({
      "child.homePostcode": "Enter a real postcode for the child's home, like LS1 4AP",
      "child.responsibleAuthority": "Enter the local authority responsible for the child's care",
      "informationSharing.parentsAware": "Select whether the child's parents or carers know about this referral",
      "informationSharing.sharingWithoutConsentReason":
        "Explain why you are sharing without consent, for example because of a risk of significant harm",
      "informationSharing.lawfulBasis": "Consent cannot be the lawful basis when consent was not given",
    });
  });

  it("asks why when sharing without consent", () => {
    const form = completeForm();
    form.informationSharing.consent = "REFUSED";
    expect(messagesOf(form)).toMatchObject({
      "informationSharing.sharingWithoutConsentReason":
        "Explain why you are sharing without consent, for example because of a risk of significant harm",
      "informationSharing.lawfulBasis": "Consent cannot be the lawful basis when consent was not given",
    });
  });

  it("points an error in one item of a list at the box that holds the list", () => {
    const form = completeForm();
    form.entities[0]!.phoneNumbers = "07700 900123\ncall me";
    expect(messagesOf(form)["entities.0.phoneNumbers"]).toBe(
      "Enter phone numbers in the correct format, like 07700 900 982",
    );
  });
});

describe("referralSubmissionSchema", () => {
  it("accepts the published example", () => {
    expect(referralSubmissionSchema.safeParse(EXAMPLE_REFERRAL_SUBMISSION).success).toBe(true);
  });

  it("keeps any Unicode the referrer typed, and refuses control characters", () => {
    const words = "وہ کہتی ہے کہ وہ محفوظ ہے 🙏 — Zoë's";
    const withUnicode = {
      ...EXAMPLE_REFERRAL_SUBMISSION,
      concern: { ...EXAMPLE_REFERRAL_SUBMISSION.concern, description: `  ${words}  ` },
    };
    expect(referralSubmissionSchema.parse(withUnicode).concern.description).toBe(words);
    const withNul = {
      ...EXAMPLE_REFERRAL_SUBMISSION,
      concern: { ...EXAMPLE_REFERRAL_SUBMISSION.concern, description: "a\u0000b" },
    };
    expect(referralSubmissionSchema.safeParse(withNul).error?.issues[0]?.message).toBe(
      "What was seen, heard or disclosed must not contain control characters",
    );
  });

  it("refuses unknown fields and unknown indicators", () => {
    expect(referralSubmissionSchema.safeParse({ ...EXAMPLE_REFERRAL_SUBMISSION, extra: 1 }).success).toBe(false);
    const indicators = { ...EXAMPLE_REFERRAL_SUBMISSION.concern.indicators, made_up: { level: "HIGH", detail: null } };
    expect(
      referralSubmissionSchema.safeParse({
        ...EXAMPLE_REFERRAL_SUBMISSION,
        concern: { ...EXAMPLE_REFERRAL_SUBMISSION.concern, indicators },
      }).success,
    ).toBe(false);
  });

  it("bounds every repeated item", () => {
    const entities = Array.from({ length: 21 }, () => EXAMPLE_REFERRAL_SUBMISSION.entities[0]);
    expect(
      referralSubmissionSchema.safeParse({ ...EXAMPLE_REFERRAL_SUBMISSION, entities }).error?.issues[0]?.message,
    ).toBe("Add no more than 20 people, places or vehicles");
  });
});

describe("datePartsToIso", () => {
  it("pads and joins, and treats all-blank as not given", () => {
    expect(datePartsToIso({ day: "6", month: "5", year: "2012" }, "Date")).toEqual({ ok: true, value: "2012-05-06" });
    expect(datePartsToIso({ day: " ", month: "", year: "" }, "Date")).toEqual({ ok: true, value: null });
    expect(datePartsToIso({ day: "", month: "", year: "2012" }, "Date")).toEqual({
      ok: false,
      message: "Date must include a day and month",
      parts: ["day", "month"],
    });
    expect(datePartsToIso({ day: "x", month: "5", year: "2012" }, "Date")).toMatchObject({
      ok: false,
      message: "Date must be a real date",
    });
  });
});

describe("containsForbiddenCharacters", () => {
  it("refuses control characters and broken surrogates, and allows tabs, newlines, emoji and any script", async () => {
    const { containsForbiddenCharacters } = await import("./fields.ts");
    for (const bad of ["a\u0000b", "\u0007", "x\u007f", "\ud800", "\udc00x", "a\ud83d"])
      expect(containsForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ["line one\nline two\tand a tab\r\n", "🙏🏽 Zoë", "وہ محفوظ ہے", "中文", ""])
      expect(containsForbiddenCharacters(good), good).toBe(false);
  });
});

describe("formValuesFromDraft", () => {
  it("restores what a draft holds over an empty form, filling in fields older drafts lack", async () => {
    const { formValuesFromDraft } = await import("./form.ts");
    const values = formValuesFromDraft(
      { child: { givenNames: "Zoë" }, entities: [{ kind: "VEHICLE", vehicleRegistrations: "AB12 CDE" }] },
      { jobTitle: "Teacher", phone: null },
    );
    expect(values.child.givenNames).toBe("Zoë");
    expect(values.child.familyName).toBe("");
    expect(values.child.dateOfBirth).toEqual({ day: "", month: "", year: "" });
    expect(values.concern.indicators.going_missing).toEqual({ level: "", detail: "" });
    expect(values.aboutYou).toEqual({ phone: "", bestTimeToCall: "", jobTitle: "Teacher" });
    // An entity saved before a field existed gains it, empty.
    expect(values.entities).toEqual([{ ...emptyEntity(), kind: "VEHICLE", vehicleRegistrations: "AB12 CDE" }]);
  });

  it("opens a draft saved when every sign had to be rated: rated signs are ticked, 'not present' is not known", async () => {
    const { formValuesFromDraft } = await import("./form.ts");
    const values = formValuesFromDraft({
      concern: {
        indicators: {
          going_missing: { level: "MEDIUM", detail: "Twice" },
          gifts_or_money: { level: "NOT_PRESENT", detail: "" },
          disclosure_of_sexual_assault: { level: "LOW", detail: "Told a friend" },
        },
      },
    });
    expect(values.concern.signs).toEqual(["going_missing", "disclosure_of_sexual_assault"]);
    expect(values.concern.indicators.going_missing).toEqual({ level: "MEDIUM", detail: "Twice" });
    expect(values.concern.indicators.gifts_or_money).toEqual({ level: "", detail: "" });
    expect(values.concern.indicators.disclosure_of_sexual_assault).toEqual({
      level: "PRESENT",
      detail: "Told a friend",
    });
    // Every sign said to be not present: in the new words, "None of these".
    const none = formValuesFromDraft({ concern: { indicators: { going_missing: { level: "NOT_PRESENT" } } } });
    expect(none.concern.signs).toEqual([NO_SIGNS_SEEN]);
    // Nothing rated yet: the question is still unanswered.
    expect(formValuesFromDraft({ concern: { indicators: { going_missing: { level: "" } } } }).concern.signs).toEqual(
      [],
    );
  });

  it("keeps a learning disability from an old draft by making it the answer to the disability question", async () => {
    const { formValuesFromDraft } = await import("./form.ts");
    const values = formValuesFromDraft({ child: { learningDisability: "YES", disabilityOrDifficulty: "UNKNOWN" } });
    expect(values.child).toMatchObject({ disabilityOrDifficulty: "YES", learningDisability: "YES" });
  });

  it("keeps an unanswered radio group (null) as not answered", async () => {
    const { formValuesFromDraft } = await import("./form.ts");
    expect(formValuesFromDraft({ immediateDanger: null }).immediateDanger).toBe("");
  });
});
