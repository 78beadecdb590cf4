import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits";
import type { OpError } from "../ops";
import { mapDocArb, statementsOnly } from "../testing/mapArb";
import { opSeedsArb, playSeeds } from "../testing/opSequences";
import { debate, docOf, edge, node, source } from "../testing/fixtures";
import { emptyDoc, type MapDoc } from "../types";
import { anchorAt } from "../quotes/anchor";
import { checkNodeQuote } from "../quotes/check";
import { toArgdown } from "./argdown";
import { parseArgdownImport } from "./argdownImport";
import { importedDoc, importRefusal, linksByText } from "../testing/imports";
import { structureSignature, withUniqueTexts } from "../testing/structureSignature";

const imported = async (text: string) => importedDoc(await parseArgdownImport(text));
async function read(text: string) {
  const result = await parseArgdownImport(text);
  if (!result.ok) throw new Error(`expected the import to succeed: ${result.error.message}`);
  return result;
}

/** What Argdown keeps of a text: one line, runs of whitespace as one space. */
const asOneLine = (text: string) => text.replace(/\s+/gu, " ").trim();

describe("parseArgdownImport", () => {
  it("reads back what toArgdown wrote: title, statements, speakers, sources, quotes and links", async () => {
    const doc = await imported(toArgdown(debate()));
    expect(doc.meta.title).toBe("Alibaba in the US");
    expect(Object.values(doc.nodes).map((n) => [n.kind, n.text, n.quote])).toEqual([
      ["claim", "Alibaba Cloud in the US is a security risk", ""],
      ["support", "Its data centres answer to Beijing", "answer to Beijing"],
      ["rebuttal", "US customer data stays in US regions", ""],
    ]);
    expect(Object.values(doc.sources).map((s) => s.title)).toEqual(["Wall Street Journal op-ed"]);
    expect(Object.values(doc.nodes)[1]!.sourceId).toBe(Object.keys(doc.sources)[0]);
    expect(linksByText(doc)).toEqual([
      "Its data centres answer to Beijing supports Alibaba Cloud in the US is a security risk",
      "US customer data stays in US regions rebuts Alibaba Cloud in the US is a security risk",
    ]);
  });

  it("follows references by title, so a node written once can be a reason in several places, cycles included", async () => {
    const doc = docOf({
      nodes: [node("a", { text: "Loop one" }), node("b", { text: "Loop two" }), node("c", { kind: "claim", text: "Claim" })],
      edges: [edge("e1", "a", "b"), edge("e2", "b", "a", "rebuts"), edge("e3", "a", "c")],
    });
    const back = await imported(toArgdown(doc));
    expect(Object.keys(back.nodes)).toHaveLength(3);
    expect(linksByText(back)).toEqual(["Loop one supports Claim", "Loop one supports Loop two", "Loop two rebuts Loop one"]);
    expect(Object.values(back.nodes).map((n) => [n.text, n.kind])).toEqual([
      ["Claim", "claim"],
      ["Loop one", "support"],
      ["Loop two", "support"],
    ]);
  });

  it("reads hand-written Argdown: front matter, hard-wrapped text, tags, equivalence classes, support and attack both ways", async () => {
    const { doc, report } = await read(
      [
        "===",
        "title: 'Homework, reconsidered'",
        "subTitle: A class debate",
        "===",
        "",
        "// a comment on its own line",
        "[Homework]: Homework should be",
        "  abolished. #policy #(school life)",
        "  + [Rest]: Children need rest. {speaker: Ms Lee}",
        "  - [Practice]: Practice makes perfect.",
        "  <- [Practice]",
        "",
        "[Rest]",
        "  +> [Health]: Rest keeps children healthy.",
      ].join("\n"),
    );
    expect(report.warnings).toEqual([]);
    expect(doc.meta).toMatchObject({ title: "Homework, reconsidered", description: "A class debate" });
    expect(Object.values(doc.nodes).map((n) => [n.kind, n.text, n.speaker])).toEqual([
      ["claim", "Homework should be abolished. #policy #(school life)", ""],
      ["support", "Children need rest.", "Ms Lee"],
      ["rebuttal", "Practice makes perfect.", ""],
      ["claim", "Rest keeps children healthy.", ""],
    ]);
    expect(linksByText(doc)).toEqual([
      "Children need rest. supports Homework should be abolished. #policy #(school life)",
      "Children need rest. supports Rest keeps children healthy.",
      "Practice makes perfect. rebuts Homework should be abolished. #policy #(school life)",
    ]);
    expect(report.created).toEqual({ claim: 2, support: 1, rebuttal: 1, supports: 2, rebuts: 1 });
  });

  it("reads an argument's premise–conclusion structure as premises of an argument node that supports its conclusion", async () => {
    const { doc, report } = await read(
      [
        "[Ban]: Ban the app.",
        "  + <Privacy>: It collects too much.",
        "  - <Jobs>",
        "",
        "<Privacy>",
        "",
        "(1) [Collects]: The app collects location data.",
        "(2) [Wrong]: Collecting location data is wrong.",
        "----",
        "(3) [Ban]",
        "",
        "<Jobs>: Many work for it.",
        "  <_ [Few]: Few of them live here.",
      ].join("\n"),
    );
    expect(report.warnings).toEqual([]);
    expect(structureSignature(doc)).toEqual({
      nodes: ["argument: It collects too much.", "argument: Many work for it.", "claim: Ban the app.", "rebuttal: Few of them live here.", "support: Collecting location data is wrong.", "support: The app collects location data."],
      links: [
        "Collecting location data is wrong. premise It collects too much.",
        "It collects too much. supports Ban the app.",
        "Many work for it. rebuts Ban the app.",
        "The app collects location data. premise It collects too much.",
      ],
      undercuts: ["Few of them live here. undercuts (Many work for it. rebuts Ban the app.)"],
    });
  });

  it("moves the relations of a reconstructed argument to its conclusion, and aims an undercut at its inference, as Argdown does", async () => {
    const { doc } = await read(["<A>: An argument.", "  -> [T]: A thesis.", "  <_ [U]: An objection.", "", "<A>", "", "(1) [P]: A premise.", "----", "(2) [C]: A conclusion."].join("\n"));
    expect(structureSignature(doc)).toMatchObject({
      links: ["A conclusion. rebuts A thesis.", "A premise. premise An argument.", "An argument. supports A conclusion."],
      undercuts: ["An objection. undercuts (An argument. supports A conclusion.)"],
    });
  });

  it("honours strict mode: entailment becomes supports and contraries and contradictions rebuts, each reported once with its lines", async () => {
    const { doc, report } = await read(["===", "model:", "  mode: strict", "===", "", "[A]: a", "  + [B]: b", "  - [C]: c", "  >< [D]: d"].join("\n"));
    expect(linksByText(doc)).toEqual(["a rebuts d", "b supports a", "c rebuts a", "d rebuts a"]);
    expect(report.warnings).toEqual([
      { where: "line 7", message: "1 strict entailments (+> between statements) are imported as supports" },
      { where: "line 8", message: "1 contrary relations (- between statements in strict mode) are imported as rebuts from the one to the other" },
      { where: "line 9", message: "1 contradictions (><) are imported as two rebuts, one each way" },
    ]);
  });

  it("imports what parses and reports every syntax error with its line", async () => {
    const { doc, report } = await read(["[A]: fine", "  + [B]: also fine", "", "[C] text after a reference", "", "[D]: still read"].join("\n"));
    expect(Object.values(doc.nodes).map((n) => n.text)).toEqual(expect.arrayContaining(["fine", "also fine"]));
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(report.warnings[0]!.where).toBe("line 4");
    expect(report.warnings[0]!.message).toMatch(/^Argdown syntax error: /);
  });

  it("reads the last ```argdown block of a Markdown file, or the one asked for, with the file's line numbers", async () => {
    const markdown = ["# Notes", "", "Some prose [with a link](https://example.org).", "", "```argdown", "[A]: first block", "```", "", "```argdown", "[B]: second block", "  + [C] oops extra", "```", ""].join("\n");
    const last = await read(markdown);
    expect(Object.values(last.doc.nodes).map((n) => n.text)).toContain("second block");
    expect(last.report.warnings[0]).toEqual({ where: "line 9", message: "this file has 2 argdown blocks; block 2 is imported and the others are not" });
    expect(last.report.warnings.slice(1).map((w) => w.where)).toContain("line 11");
    const first = importedDoc(await parseArgdownImport(markdown, { block: 1 }));
    expect(Object.values(first.nodes).map((n) => n.text)).toEqual(["first block"]);
    expect(importRefusal(await parseArgdownImport(markdown, { block: 3 })).message).toBe("this file has 2 argdown blocks; there is no block 3");
  });

  const refusals: [string, string, OpError["code"], string | RegExp][] = [
    ["an empty file", " \n\n", "invalid_op", "the file is empty"],
    ["a file with nothing but a syntax error", "  + [B]", "invalid_op", /^line 1: Argdown syntax error: Invalid paragraph start/],
    ["unreadable YAML in a data block", "[A]: a {kind: [}", "invalid_op", /^Argdown could not read this file: missed comma/],
    ["a statement over the text limit", `[A]: ${"x ".repeat(LIMITS.nodeTextLength)}`, "too_large", /^\[A\] \(line 1\): the text is \d+ characters long/],
    ["a line of 40,000 '[' that Argdown's lexer would scan once per bracket", "[".repeat(40_000), "too_large", /^line 1: too many unclosed/],
  ];
  it.each(refusals)("refuses %s, saying why", async (_what, text, code, message) => {
    const error = importRefusal(await parseArgdownImport(text));
    expect(error.code).toBe(code);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("reads a file with a heading and nothing else as an empty map with that title", async () => {
    expect(await imported("# Nothing yet\n")).toEqual(emptyDoc({ title: "Nothing yet" }));
  });
});

/** Text that is mostly Argdown syntax: brackets, braces, escapes, comments, shortcodes, markers. */
const hostileText = fc.string({
  unit: fc.constantFrom(..."[]{}<>*_#\\/=.:+- \n\t\"'ab", "A", ":smile:", ".A.", "//", "/*", "*/", "===", "{x}", "é", "😀"),
  maxLength: 24,
});

describe("Argdown export → import", () => {
  it("round-trips any map, even with hostile texts: texts (on one line), kinds, speakers, sources with their text, anchored quotes and links", async () => {
    await fc.assert(
      // Statements and their links; arguments and undercuts in Argdown come with issue 15, part 2.
      fc.asyncProperty(fc.oneof(opSeedsArb.map((seeds) => statementsOnly(playSeeds(emptyDoc(), seeds).end)), mapDocArb(hostileText, { structure: false })), async (map) => {
        // A unique prefix per node, so each imported node can be matched to its original by text.
        const nodes = Object.values(map.nodes).map((n, i) => ({ ...n, text: `#${i} ${n.text}` }));
        const doc = { ...map, nodes: Object.fromEntries(nodes.map((n) => [n.id, n])) };
        const back = await imported(toArgdown(doc));

        expect(back.meta.title).toBe(doc.meta.title);
        expect(back.meta.description).toBe(doc.meta.description);
        const original = new Map(nodes.map((n) => [asOneLine(n.text), n]));
        const matched = new Map<string, string>();
        for (const n of Object.values(back.nodes)) {
          const was = original.get(n.text);
          if (!was) throw new Error(`no original for ${JSON.stringify(n.text)}`);
          matched.set(n.id, was.id);
          expect(n.kind).toBe(was.kind);
          expect(n.speaker).toBe(was.speaker.trim() ? was.speaker : "");
          expect(n.quote).toBe(was.quote.trim() ? was.quote : "");
          expect([n.quotePrefix, n.quoteSuffix]).toEqual(was.quote.trim() ? [was.quotePrefix, was.quoteSuffix] : ["", ""]);
          // Argdown names a source by its title: of two with one title, the first one's text comes back.
          const sourceOf = (d: MapDoc, id: string | null) => {
            if (id === null) return null;
            const { title } = d.sources[id]!;
            return { title, text: Object.values(d.sources).find((other) => other.title === title)!.text };
          };
          expect(sourceOf(back, n.sourceId)).toEqual(sourceOf(doc, was.sourceId));
        }
        expect(matched.size).toBe(nodes.length);
        const links = (edges: MapDoc["edges"], id: (nodeId: string) => string | undefined) => Object.values(edges).map((e) => `${id(e.from)} ${e.relation} ${id(e.to)}`).sort();
        expect(links(back.edges, (id) => matched.get(id))).toEqual(links(doc.edges, (id) => id));
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips arguments, premises, conclusions and undercuts of any map: every node, premise group, relation and undercut", async () => {
    await fc.assert(
      fc.asyncProperty(mapDocArb(), async (map) => {
        const doc = withUniqueTexts(map);
        const result = await parseArgdownImport(toArgdown(doc));
        if (!result.ok) throw new Error(result.error.message);
        expect(result.report.warnings).toEqual([]);
        expect(structureSignature(result.doc)).toEqual(structureSignature(doc));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps a rebuttal of a reconstructed argument whose author also rebuts one of its premises (Argdown folds the one into the other)", async () => {
    const doc = docOf({
      nodes: [node("p", { kind: "claim" }), node("a", { kind: "argument" }), node("c", { kind: "claim" }), node("x", { kind: "rebuttal" })],
      edges: [edge("e1", "p", "a", "premise"), edge("e2", "a", "c"), edge("e3", "x", "p", "rebuts"), edge("e4", "x", "a", "rebuts")],
    });
    const result = await read(toArgdown(doc));
    expect(result.report.warnings).toEqual([]);
    expect(structureSignature(result.doc)).toEqual(structureSignature(doc));
  });

  it("carries a quote's anchor and its source's text, so the quote is found again in the imported map", async () => {
    const text = "Rice said it twice. “Nobody trusts Huawei,” she said; later: “Nobody trusts Huawei,” she said again.";
    const second = text.lastIndexOf("Nobody trusts Huawei");
    const doc = docOf({
      sources: [source("s1", { title: "Interview", text })],
      nodes: [node("a", { sourceId: "s1", ...anchorAt(text, second, second + "Nobody trusts Huawei".length) })],
    });
    const written = toArgdown(doc);
    expect(written).toContain('quote: "Nobody trusts Huawei", quotePrefix: "usts Huawei,” she said; later: “", quoteSuffix: ",” she said again."}');
    const back = await imported(written);
    const [quoting] = Object.values(back.nodes);
    expect(checkNodeQuote(back, quoting!)).toEqual({ status: "found", start: second, end: second + "Nobody trusts Huawei".length });
  });

  it("round-trips the details of sources listed in the front matter", async () => {
    const doc = docOf({
      nodes: [node("a", { sourceId: "s1" })],
      sources: [
        source("s1", { title: "WSJ", author: "Rice", publisher: "Dow Jones", date: "2024-05-01", url: "https://wsj.com/?a=b", text: "Line one: {x}\n\n=== “two” \\ [three]\u2028" }),
      ],
    });
    const [back] = Object.values((await imported(toArgdown(doc))).sources);
    expect(back).toEqual({ ...doc.sources.s1, id: "s1" });
  });

  it("never throws on any text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), hostileText, fc.array(hostileText).map((lines) => lines.join("\n"))), async (text) => {
        const result = await parseArgdownImport(text);
        if (!result.ok) expect(["invalid_op", "not_found", "conflict", "too_large"]).toContain(result.error.code);
      }),
      { numRuns: 300 },
    );
  });
});
