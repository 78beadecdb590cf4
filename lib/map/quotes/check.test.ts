import { describe, expect, it } from "vitest";
import { docOf, node, source } from "../testing/fixtures";
import { anchorQuote } from "./anchor";
import { checkNodeQuote, checkQuote, passagesOf, quoteIsFlagged } from "./check";

const TEXT = "First line. The data stays in US regions, the company said. Last line.";

describe("checking a node's quote against its source", () => {
  const article = source("s1", { text: TEXT });

  it("has nothing to check without a quote, and cannot check without a source text", () => {
    expect(checkQuote(node("a"), article)).toEqual({ status: "none" });
    expect(checkQuote(node("a", { quote: "data" }), undefined)).toEqual({ status: "unchecked" });
    expect(checkQuote(node("a", { quote: "data" }), source("s2", { url: "https://example.org" }))).toEqual({ status: "unchecked" });
  });

  it("finds a quote that is there, and flags one that is not", () => {
    const found = checkQuote(node("a", { quote: "The data stays in US regions" }), article);
    expect(found).toEqual({ status: "found", start: 12, end: 40 });
    expect(quoteIsFlagged(found)).toBe(false);
    expect(quoteIsFlagged(checkQuote(node("a", { quote: "The data leaves the country" }), article))).toBe(true);
  });

  it("follows the source's text: an edit that drops the words flags the quote", () => {
    const quoted = node("a", { sourceId: "s1", ...anchorQuote(TEXT, "the company said") });
    const before = docOf({ sources: [article], nodes: [quoted] });
    expect(checkNodeQuote(before, quoted).status).toBe("found");
    const after = docOf({ sources: [{ ...article, text: "First line. Nothing about data here. Last line." }], nodes: [quoted] });
    expect(checkNodeQuote(after, quoted).status).toBe("missing");
  });

  it("lists the passages of a source in the order of the text, the missing ones last", () => {
    const doc = docOf({
      sources: [article, source("s2", { text: TEXT })],
      nodes: [
        node("late", { sourceId: "s1", quote: "Last line" }),
        node("gone", { sourceId: "s1", quote: "not there at all, nothing like it" }),
        node("early", { sourceId: "s1", quote: "First line" }),
        node("other", { sourceId: "s2", quote: "First line" }),
        node("plain", { sourceId: "s1" }),
      ],
    });
    expect(passagesOf(doc, article).map((passage) => [passage.node.id, passage.match.status])).toEqual([
      ["early", "found"],
      ["late", "found"],
      ["gone", "missing"],
    ]);
  });
});
