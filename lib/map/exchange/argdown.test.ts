/**
 * The Argdown export. Its output was also checked offline against the real parser
 * (@argdown/core 2.0.1, not a dependency): thousands of random maps with hostile text parsed
 * with no errors and gave back every statement, text, speaker and relation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { statementsOnly } from "../testing/mapArb";
import { opSeedsArb, playSeeds } from "../testing/opSequences";
import { debate, docOf, edge, node, source } from "../testing/fixtures";
import { emptyDoc } from "../types";
import { escapeText, toArgdown, yamlString } from "./argdown";

describe("toArgdown", () => {
  it("writes each claim with its supports (+) and rebuttals (-) beneath it, sources as data", () => {
    expect(toArgdown(debate())).toBe(
      [
        "===",
        'title: "Alibaba in the US"',
        "sources:",
        '  - title: "Wall Street Journal op-ed"',
        "===",
        "",
        "# Alibaba in the US",
        "",
        "[Alibaba Cloud in the US is]: Alibaba Cloud in the US is a security risk",
        '  + [Its data centres answer to Beijing]: Its data centres answer to Beijing {source: "Wall Street Journal op-ed", quote: "answer to Beijing"}',
        "  - [US customer data stays in US]: US customer data stays in US regions",
        "",
      ].join("\n"),
    );
  });

  it("takes the relation from the link, names the speaker, and writes the kind where the link suggests another", () => {
    const doc = docOf({
      nodes: [
        node("c", { kind: "claim", text: "Claim" }),
        node("r", { kind: "rebuttal", text: "A rebuttal used as support", speaker: "Condoleezza Rice" }),
      ],
      edges: [edge("e1", "r", "c", "supports")],
    });
    expect(toArgdown(doc)).toContain('\n  + [A rebuttal used as support]: A rebuttal used as support {kind: "rebuttal", speaker: "Condoleezza Rice"}\n');
  });

  it("writes a node once and refers to it by title wherever else it is a reason, cycles included", () => {
    const doc = docOf({
      nodes: [node("a", { text: "Loop one" }), node("b", { text: "Loop two" }), node("c", { kind: "claim", text: "Claim" })],
      edges: [edge("e1", "a", "b"), edge("e2", "b", "a", "rebuts"), edge("e3", "a", "c")],
    });
    const body = toArgdown(doc).split("# Alibaba in the US\n\n")[1];
    expect(body).toBe(
      ["[Claim]: Claim", "  + [Loop one]: Loop one", '    - [Loop two]: Loop two {kind: "support"}', "      + [Loop one]", ""].join("\n"),
    );
  });

  it("still writes nodes that no claim reaches, and the description and source details", () => {
    const doc = {
      ...docOf({
        nodes: [node("a", { text: "A" }), node("b", { text: "B" })],
        edges: [edge("e1", "a", "b"), edge("e2", "b", "a")],
        sources: [source("s1", { title: "WSJ", author: "Rice", date: "2024-05-01", url: "https://wsj.com/?a=b" })],
      }),
      meta: { title: "Cycle", description: "Two nodes that support each other", presentation: null },
    };
    expect(toArgdown(doc)).toBe(
      [
        "===",
        'title: "Cycle"',
        'description: "Two nodes that support each other"',
        "sources:",
        '  - title: "WSJ"',
        '    author: "Rice"',
        '    date: "2024-05-01"',
        '    url: "https://wsj.com/?a\\u003db"',
        "===",
        "",
        "# Cycle",
        "",
        "[A]: A\n  + [B]: B\n    + [A]",
        "",
      ].join("\n"),
    );
  });

  it("gives every node a unique title, made up for empty text, never starting with '-'", () => {
    const doc = docOf({
      nodes: [node("a", { text: "Same words" }), node("b", { text: "same words" }), node("c", { text: "" }), node("d", { text: "- [x] dash" })],
    });
    const titles = [...toArgdown(doc).matchAll(/^\[([^\]]+)\]/gm)].map((match) => match[1]);
    expect(titles).toEqual(["Same words", "same words 2", "Support", "x dash"]);
  });

  it("writes no kind where the links suggest the node's own: claims at the top, supports and rebuttals by their links", () => {
    const body = toArgdown(debate());
    expect(body).not.toContain("kind:");
    const alone = toArgdown(docOf({ nodes: [node("a", { kind: "claim", text: "A" }), node("b", { kind: "support", text: "B" })] }));
    expect(alone).toContain("[A]: A\n");
    expect(alone).toContain('[B]: B {kind: "support"}\n');
  });

  it("writes an empty map as front matter and a heading only", () => {
    expect(toArgdown(emptyDoc())).toBe('===\ntitle: "Untitled map"\n===\n\n# Untitled map\n');
  });

  it("writes every link exactly once, as an indented + or - line, for any map", () => {
    fc.assert(
      fc.property(opSeedsArb, (seeds) => {
        // Statements and their links; arguments and undercuts in Argdown come with issue 15, part 2.
        const end = statementsOnly(playSeeds(emptyDoc(), seeds).end);
        const relationLines = toArgdown(end).split("\n").filter((line) => /^ +[+-] \[/.test(line));
        expect(relationLines).toHaveLength(Object.keys(end.edges).length);
      }),
      { numRuns: 200 },
    );
  });

  it("handles a chain thousands of nodes deep without running out of stack", () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => node(`n${i}`, { text: `Step ${i}` }));
    const edges = nodes.slice(1).map((_, i) => edge(`e${i}`, `n${i + 1}`, `n${i}`));
    expect(toArgdown(docOf({ nodes, edges })).split("\n").filter((line) => line.includes("+ [Step"))).toHaveLength(2999);
  });
});

describe("escapeText", () => {
  it.each([
    ["plain words, commas: and (parentheses) - dashes", "plain words, commas: and (parentheses) - dashes"],
    ["a [reference] and <argument>", "a \\[reference\\] and \\<argument>"],
    ["*bold* _italic_ #tag {data}", "\\*bold\\* \\_italic\\_ \\#tag \\{data\\}"],
    ["a // comment, a /* block */, a path a/b", "a \\// comment, a \\/\\* block \\*/, a path a/b"],
    ["back\\slash", "back\\\\slash"],
    ["a = b but a === b", "a = b but a \\=\\=\\= b"],
    ["two\nlines\tand   spaces ", "two lines and spaces"],
    ["the U.S. and e.g. 10:30 stay as they are", "the U.S. and e.g. 10:30 stay as they are"],
    ["shortcodes .A. :smile: :+1: are not symbols", "shortcodes \\.A. \\:smile: \\:+1: are not symbols"],
    [".x[y]. inside a shortcode-like span", "\\.x\\[y\\]. inside a shortcode-like span"],
  ])("%j → %j", (text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
  });
});

describe("yamlString", () => {
  it("quotes like JSON and escapes what would end a data block or start front matter", () => {
    expect(yamlString('say "hi" {now} [a]: x=1\n')).toBe('"say \\"hi\\" \\u007bnow\\u007d \\u005ba\\u005d: x\\u003d1\\n"');
  });
});
