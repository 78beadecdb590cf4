import { describe, expect, it } from "vitest";
import { debate } from "../testing/fixtures";
import { toAif } from "./aif";
import { toArgdown } from "./argdown";
import { parseMapImport } from "./import";
import { toJsonExport } from "./json";
import { kindFromLinks } from "./kinds";

const texts = async (body: string, contentType: string | null) => {
  const result = await parseMapImport(body, contentType);
  if (!result.ok) throw new Error(result.error.message);
  return Object.values(result.doc.nodes).map((node) => node.text);
};
const DEBATE_TEXTS = Object.values(debate().nodes).map((node) => node.text);

describe("parseMapImport", () => {
  const json = JSON.stringify(toJsonExport(debate()));
  const aif = JSON.stringify(toAif(debate()));
  const argdown = toArgdown(debate());

  it.each([
    ["Argumap JSON sent as JSON", json, "application/json"],
    ["Argumap JSON sent as text (fetch's default)", json, "text/plain;charset=UTF-8"],
    ["Argumap JSON with no content type and a byte-order mark", `\uFEFF${json}`, null],
    ["AIF sent as JSON", aif, "application/json"],
    ["AIF sent with no content type", aif, null],
    ["Argdown sent as text", argdown, "text/plain; charset=utf-8"],
    ["Argdown sent as a form (curl's default)", argdown, "application/x-www-form-urlencoded"],
    ["Argdown wrapped in JSON", JSON.stringify({ format: "argdown", content: argdown }), "application/json"],
    ["AIF wrapped in JSON", JSON.stringify({ format: "aif", content: toAif(debate()) }), "application/json"],
    ["Argumap JSON wrapped in JSON", JSON.stringify({ format: "argumap", content: toJsonExport(debate()) }), "application/json"],
  ])("reads %s", async (_what, body, contentType) => {
    expect(await texts(body, contentType)).toEqual(DEBATE_TEXTS);
  });

  it("keeps the JSON import exactly as it was: ids, positions and all, and reports what it created", async () => {
    const result = await parseMapImport(json, "application/json");
    expect(result).toEqual({ ok: true, doc: debate(), report: { created: { claim: 1, support: 1, rebuttal: 1, supports: 1, rebuts: 1, sources: 1 }, warnings: [] } });
  });

  it("imports the chosen ```argdown block of Markdown wrapped in JSON", async () => {
    const markdown = "```argdown\n[A]: first\n```\n\n```argdown\n[B]: second\n```\n";
    expect(await texts(JSON.stringify({ format: "argdown", content: markdown, block: 1 }), "application/json")).toEqual(["first"]);
    expect(await texts(JSON.stringify({ format: "argdown", content: markdown }), "application/json")).toEqual(["second"]);
  });

  it.each([
    ["text that is not JSON, sent as JSON", "[A]: a", "application/json", "this is not valid JSON"],
    ["JSON cut off half-way", '{"format":"argumap","nodes":[', null, "this is not valid JSON"],
    ["an unknown format in the wrapper", JSON.stringify({ format: "kialo", content: "" }), null, 'format is "kialo"; expected one of argumap, aif, argdown'],
    ["Argdown content that is not text", JSON.stringify({ format: "argdown", content: { a: 1 } }), null, /content: an Argdown import's content is its text/],
    ["an Argumap file of another format", JSON.stringify({ ...toJsonExport(debate()), format: "kialo" }), null, 'format is "kialo", expected "argumap"'],
    ["a block number that is not one", JSON.stringify({ format: "argdown", content: "[A]: a", block: 0 }), null, "block: the number of an argdown block, 1 or more"],
  ])("refuses %s", async (_what, body, contentType, message) => {
    const result = await parseMapImport(body, contentType);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      if (typeof message === "string") expect(result.error.message).toBe(message);
      else expect(result.error.message).toMatch(message);
    }
  });
});

describe("kindFromLinks", () => {
  it.each([
    [[], "claim"],
    [["supports"], "support"],
    [["supports", "supports"], "support"],
    [["rebuts"], "rebuttal"],
    [["supports", "rebuts"], "rebuttal"],
  ] as const)("%j → %s", (relations, kind) => {
    expect(kindFromLinks(relations)).toBe(kind);
  });
});
