import { describe, expect, it } from "vitest";
import { decideByDirectory, directoryColumns, readDirectoryRow } from "./postcode-directory.ts";

const ONSPD_2025 =
  "pcd7,pcd8,pcds,dointr,doterm,usrtypind,east1m,north1m,gridind,oa21cd,cty25cd,ced25cd,lad25cd,wd25cd".split(",");
const ONSPD_2023 = "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish".split(",");

describe("the ONS Postcode Directory's layout", () => {
  it("finds pcds and the council column in the current and the older layout", () => {
    expect(directoryColumns(ONSPD_2025)).toEqual({ ok: true, columns: { postcode: 2, localAuthority: 12 } });
    expect(directoryColumns(ONSPD_2023)).toEqual({ ok: true, columns: { postcode: 2, localAuthority: 7 } });
  });

  it("takes the latest year's council codes, and reads a header with a byte-order mark and capitals", () => {
    expect(directoryColumns(["\uFEFFPCDS", "lad23cd", "LAD25CD"])).toEqual({
      ok: true,
      columns: { postcode: 0, localAuthority: 2 },
    });
  });

  it("refuses another file and says which columns are missing", () => {
    const header = directoryColumns(["name", "postcode", "team"]);
    expect(header.ok).toBe(false);
    if (!header.ok) expect(header.problem).toMatch(/no a full postcode column \(pcds\) and no a local authority/);
    const noCouncil = directoryColumns(["pcds", "lat", "long"]);
    expect(noCouncil).toMatchObject({ ok: false, problem: expect.stringMatching(/local authority column/) });
  });
});

describe("a directory row", () => {
  const columns = { postcode: 0, localAuthority: 1 };

  it("keeps West Yorkshire's areas in any council, and West Yorkshire's councils in any area", () => {
    expect(readDirectoryRow(["LS25 6AA", "E06000065"], columns)).toEqual({
      kind: "KEEP",
      postcode: "LS25 6AA",
      localAuthorityCode: "E06000065",
    });
    expect(readDirectoryRow(["S36 9ZZ", "E08000034"], columns)).toMatchObject({ kind: "KEEP" });
    expect(readDirectoryRow(["M1 1AA", "E08000003"], columns)).toEqual({ kind: "ELSEWHERE" });
  });

  it("reads the padded forms, and refuses what is not a postcode or a council code", () => {
    expect(readDirectoryRow(["LS298AB", "E08000032"], columns)).toMatchObject({ postcode: "LS29 8AB" });
    expect(readDirectoryRow(["BD1  1AA", "E08000032"], columns)).toMatchObject({ postcode: "BD1 1AA" });
    expect(readDirectoryRow(["LS2 98AB!", "E08000035"], columns)).toEqual({ kind: "INVALID" });
    expect(readDirectoryRow(["LS1 4AP", ""], columns)).toEqual({ kind: "INVALID" });
  });
});

describe("deciding by the directory", () => {
  it("names the council's team, and says outside for any other council", () => {
    expect(decideByDirectory("E08000035")).toMatchObject({ kind: "COUNCIL", teamCode: "leeds", council: "Leeds" });
    expect(decideByDirectory("E06000065")).toEqual({ kind: "OUTSIDE", localAuthorityCode: "E06000065" });
  });
});
