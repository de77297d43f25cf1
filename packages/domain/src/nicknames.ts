/**
 * Common English short forms and spellings of given names, each mapped to one canonical form,
 * so that "Bobby Smith" and "Robert Smith" meet when referrals are linked. Data that a
 * partnership can extend.
 *
 * Deliberately left out: forms that are common names in their own right or belong to more
 * than one name, where merging would link unrelated people (Liam is not William here, Charlie
 * not Charlotte or Charles, Sandy not Alexander, Bert not Robert). Linking only suggests; a
 * person decides, but noise buries the links that matter.
 */
export const GIVEN_NAME_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  robert: ["bob", "bobby", "rob", "robbie", "robby"],
  elizabeth: ["liz", "lizzie", "lizzy", "beth", "betty", "eliza", "libby"],
  katherine: ["kate", "katie", "katy", "kathy", "kath", "catherine", "kathryn", "cathy", "kat"],
  james: ["jim", "jimmy", "jimmie"],
  michael: ["mike", "mikey", "mick", "micky", "mickey"],
  david: ["dave", "davey", "davy"],
  christopher: ["chris"],
  thomas: ["tom", "tommy"],
  william: ["bill", "billy", "will", "willy", "willie"],
  samuel: ["sam", "sammy"],
  jessica: ["jess", "jessie"],
  rebecca: ["becky", "becca", "bex"],
  abigail: ["abbie", "abby", "abi"],
  eleanor: ["ellie", "elinor"],
  // "Mo" is the usual short form; the rest are transliterations of one Arabic name.
  mohammed: ["mo", "muhammad", "muhammed", "mohammad", "mohamed", "mohamad", "mohammod", "mohd"],
  benjamin: ["ben", "benny"],
  daniel: ["dan", "danny"],
  joseph: ["joe", "joey"],
  matthew: ["matt", "matty"],
  nicholas: ["nick", "nicky"],
  richard: ["rich", "richie", "rick", "ricky"],
  anthony: ["tony"],
  jennifer: ["jen", "jenny"],
  margaret: ["maggie", "meg", "peggy"],
  victoria: ["vicky", "vicki", "tori"],
  joshua: ["josh"],
  zachary: ["zach", "zack", "zak"],
};

/** Short form or variant -> canonical given name. */
export const CANONICAL_GIVEN_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(GIVEN_NAME_EQUIVALENTS).flatMap(([canonical, forms]) =>
    forms.map((form) => [form, canonical] as const),
  ),
);

export function canonicalGivenName(name: string): string {
  return CANONICAL_GIVEN_NAME.get(name) ?? name;
}
