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

const imported = (text: string) => importedDoc(parseArgdownImport(text));
const importError = (text: string) => importRefusal(parseArgdownImport(text));

/** What Argdown keeps of a text: one line, runs of whitespace as one space. */
const asOneLine = (text: string) => text.replace(/\s+/gu, " ").trim();

describe("parseArgdownImport", () => {
  it("reads back what toArgdown wrote: title, statements, speakers, sources, quotes and links", () => {
    const doc = imported(toArgdown(debate()));
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

  it("follows references by title, so a node written once can be a reason in several places, cycles included", () => {
    const doc = docOf({
      nodes: [node("a", { text: "Loop one" }), node("b", { text: "Loop two" }), node("c", { kind: "claim", text: "Claim" })],
      edges: [edge("e1", "a", "b"), edge("e2", "b", "a", "rebuts"), edge("e3", "a", "c")],
    });
    const back = imported(toArgdown(doc));
    expect(Object.keys(back.nodes)).toHaveLength(3);
    expect(linksByText(back)).toEqual(["Loop one supports Claim", "Loop one supports Loop two", "Loop two rebuts Loop one"]);
    expect(Object.values(back.nodes).map((n) => [n.text, n.kind])).toEqual([
      ["Claim", "claim"],
      ["Loop one", "support"],
      ["Loop two", "support"],
    ]);
  });

  it("reads hand-written Argdown: untitled statements, <+ <- +> -> ><, comments, headings, plain YAML", () => {
    const text = [
      "===",
      "title: 'Homework, reconsidered'",
      "description: A class debate # not part of it",
      "===",
      "",
      "// a comment on its own line",
      "# Should homework be banned?",
      "",
      "[Ban]: Homework should be banned. /* an aside */",
      "  <+ Children need time to play. {speaker: Ms Okafor}",
      "  <- [Practice]: Practice at home is how skills stick.",
      "    -> [Ban]",
      "  +> [Rest]: Rested children learn better.",
      "  >< [Keep]: Homework must stay.",
    ].join("\n");
    const doc = imported(text);
    expect(doc.meta).toMatchObject({ title: "Homework, reconsidered", description: "A class debate" });
    expect(linksByText(doc)).toEqual([
      "Children need time to play. supports Homework should be banned.",
      "Homework must stay. rebuts Homework should be banned.",
      "Homework should be banned. rebuts Homework must stay.",
      "Homework should be banned. supports Rested children learn better.",
      "Practice at home is how skills stick. rebuts Homework should be banned.",
    ]);
    expect(Object.values(doc.nodes).find((n) => n.text.startsWith("Children"))?.speaker).toBe("Ms Okafor");
  });

  it("takes the title from the first heading when there is no front matter, and keeps escaped syntax as text", () => {
    const doc = imported("# Four-day week\n\n[A]: Fridays \\[are\\] wasted \\{really\\} \\// not a comment\n");
    expect(doc.meta.title).toBe("Four-day week");
    expect(Object.values(doc.nodes)[0]!.text).toBe("Fridays [are] wasted {really} // not a comment");
  });

  it("gives a statement defined later the text and data it had where it was first only mentioned", () => {
    const doc = imported("[A]: Claim\n  + [B]\n\n[B]: The reason {speaker: \"Rice\"}\n");
    expect(Object.values(doc.nodes).map((n) => [n.text, n.speaker])).toEqual([
      ["Claim", ""],
      ["The reason", "Rice"],
    ]);
  });

  it("makes a source for a title the front matter does not list", () => {
    const doc = imported('[A]: Text {source: "WSJ", quote: "a quote"}');
    expect(Object.values(doc.sources)).toEqual([expect.objectContaining({ title: "WSJ" })]);
    expect(Object.values(doc.nodes)[0]).toMatchObject({ quote: "a quote", sourceId: "s1" });
  });

  // [what is wrong, text, code, message]
  const refusals: [string, string, OpError["code"], string | RegExp][] = [
    ["an empty file", " \n\n", "invalid_op", "the file is empty"],
    ["front matter never closed", "===\ntitle: x\n[A]: a", "invalid_op", "line 1: the front matter opened here with === is never closed with ==="],
    ["a reason with nothing above it", "  + [A]: a", "invalid_op", /^line 1: a reason \(\+\) needs a statement above it/],
    ["an indented line without + or -", "[A]: a\n  [B]: b", "invalid_op", /^line 2: an indented line must start with \+ or -/],
    ["an argument", "[A]: a\n  + <Arg>: because", "invalid_op", /^line 2: arguments \(<Title>\) are not supported/],
    ["an undercut", "[A]: a\n  _> [B]: b", "invalid_op", /^line 2: undercuts/],
    ["an unclosed title", "[A: a", "invalid_op", "line 1: the title opened with [ is never closed with ]"],
    ["text after a title without a colon", "[A] a", "invalid_op", 'line 1: expected ":" and the text after [A]'],
    ["an unreadable data block", "[A]: a {speaker Rice}", "invalid_op", /^line 1: cannot read the data block/],
    ["an unknown kind", '[A]: a {kind: "premise"}', "invalid_op", 'line 1: kind "premise" is not one of claim, support, rebuttal, argument'],
    ["a bad source date", '===\nsources:\n  - title: "S"\n    date: "May 2024"\n===\n[A]: a', "invalid_op", /^source 1 of the front matter: date: /],
    ["a statement over the text limit", `[A]: ${"x".repeat(LIMITS.nodeTextLength + 1)}`, "too_large", /^line 1: the text is 2001 characters long/],
  ];
  it.each(refusals)("refuses %s, naming the line", (_what, text, code, message) => {
    const error = importError(text);
    expect(error.code).toBe(code);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("reads a map written without front matter or statements as an empty map with its heading as title", () => {
    expect(imported("# Nothing yet\n")).toEqual({ ...emptyDoc({ title: "Nothing yet" }) });
  });
});

/** Text that is mostly Argdown syntax: brackets, braces, escapes, comments, shortcodes, markers. */
const hostileText = fc.string({
  unit: fc.constantFrom(..."[]{}<>*_#\\/=.:+- \n\t\"'ab", "A", ":smile:", ".A.", "//", "/*", "*/", "===", "{x}", "é", "😀"),
  maxLength: 24,
});

describe("Argdown export → import", () => {
  it("round-trips any map, even with hostile texts: texts (on one line), kinds, speakers, sources with their text, anchored quotes and links", () => {
    fc.assert(
      // Statements and their links; arguments and undercuts in Argdown come with issue 15, part 2.
      fc.property(fc.oneof(opSeedsArb.map((seeds) => statementsOnly(playSeeds(emptyDoc(), seeds).end)), mapDocArb(hostileText, { structure: false })), (map) => {
        // A unique prefix per node, so each imported node can be matched to its original by text.
        const nodes = Object.values(map.nodes).map((n, i) => ({ ...n, text: `#${i} ${n.text}` }));
        const doc = { ...map, nodes: Object.fromEntries(nodes.map((n) => [n.id, n])) };
        const back = imported(toArgdown(doc));

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

  it("carries a quote's anchor and its source's text, so the quote is found again in the imported map", () => {
    const text = "Rice said it twice. “Nobody trusts Huawei,” she said; later: “Nobody trusts Huawei,” she said again.";
    const second = text.lastIndexOf("Nobody trusts Huawei");
    const doc = docOf({
      sources: [source("s1", { title: "Interview", text })],
      nodes: [node("a", { sourceId: "s1", ...anchorAt(text, second, second + "Nobody trusts Huawei".length) })],
    });
    const written = toArgdown(doc);
    expect(written).toContain('quote: "Nobody trusts Huawei", quotePrefix: "usts Huawei,” she said; later: “", quoteSuffix: ",” she said again."}');
    const back = imported(written);
    const [quoting] = Object.values(back.nodes);
    expect(checkNodeQuote(back, quoting!)).toEqual({ status: "found", start: second, end: second + "Nobody trusts Huawei".length });
  });

  it("round-trips the details of sources listed in the front matter", () => {
    const doc = docOf({
      nodes: [node("a", { sourceId: "s1" })],
      sources: [
        source("s1", { title: "WSJ", author: "Rice", publisher: "Dow Jones", date: "2024-05-01", url: "https://wsj.com/?a=b", text: "Line one: {x}\n\n=== “two” \\ [three]\u2028" }),
      ],
    });
    const [back] = Object.values(imported(toArgdown(doc)).sources);
    expect(back).toEqual({ ...doc.sources.s1, id: "s1" });
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), hostileText, fc.array(hostileText).map((lines) => lines.join("\n"))), (text) => {
        const result = parseArgdownImport(text);
        if (!result.ok) expect(["invalid_op", "not_found", "conflict", "too_large"]).toContain(result.error.code);
      }),
      { numRuns: 300 },
    );
  });
});
