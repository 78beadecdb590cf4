import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorAt, anchorQuote, locateQuote, QUOTE_CONTEXT, trimmedRange } from "./anchor";

const ARTICLE =
  "Rice said China learned from Huawei. \"You don't use your cyber-power to spy on other people,\" she said.\n\n" +
  "Analysts disagreed. \"You don't use your cyber-power to spy on other people\" is not a policy, Fu said.";
const QUOTE = "You don't use your cyber-power to spy on other people";

describe("anchoring a quote", () => {
  it("keeps the exact words and up to 32 characters of context on each side", () => {
    const start = ARTICLE.indexOf(QUOTE);
    const anchor = anchorAt(ARTICLE, start, start + QUOTE.length);
    expect(anchor.quote).toBe(QUOTE);
    expect(anchor.quotePrefix).toBe(ARTICLE.slice(start - QUOTE_CONTEXT, start));
    expect(anchor.quoteSuffix).toBe(ARTICLE.slice(start + QUOTE.length, start + QUOTE.length + QUOTE_CONTEXT));
  });

  it("takes less context at the ends of the text", () => {
    expect(anchorAt("Hello world", 0, 5)).toEqual({ quote: "Hello", quotePrefix: "", quoteSuffix: " world" });
  });

  it("never cuts a character written with two UTF-16 units in half", () => {
    // 32 units back from the quote, and 32 on from its end, fall inside an emoji.
    const text = `${"😀".repeat(20)}aquoteda${"😀".repeat(20)}`;
    const start = text.indexOf("quoted");
    const anchor = anchorAt(text, start, start + 6);
    expect(anchor.quotePrefix).toBe(`${"😀".repeat(15)}a`);
    expect(anchor.quoteSuffix).toBe(`a${"😀".repeat(15)}`);
  });

  it("trims the white space a selection takes along", () => {
    expect(trimmedRange("  a b \n", 0, 7)).toEqual({ start: 2, end: 5 });
    expect(trimmedRange("   ", 0, 3)).toEqual({ start: 3, end: 3 });
  });

  it("picks the occurrence an earlier anchor points at, and the first without one", () => {
    const second = ARTICLE.lastIndexOf(QUOTE);
    const earlier = anchorAt(ARTICLE, second, second + QUOTE.length);
    expect(anchorQuote(ARTICLE, QUOTE, earlier)).toEqual(earlier);
    expect(anchorQuote(ARTICLE, QUOTE).quotePrefix).toBe(ARTICLE.slice(ARTICLE.indexOf(QUOTE) - QUOTE_CONTEXT, ARTICLE.indexOf(QUOTE)));
  });

  it("has no context for words that are not in the text", () => {
    expect(anchorQuote(ARTICLE, "nowhere to be found")).toEqual({ quote: "nowhere to be found", quotePrefix: "", quoteSuffix: "" });
  });
});

describe("finding a quote again", () => {
  it("finds the occurrence whose context matches, not merely the first", () => {
    const second = ARTICLE.lastIndexOf(QUOTE);
    const anchor = anchorAt(ARTICLE, second, second + QUOTE.length);
    expect(locateQuote(ARTICLE, anchor)).toEqual({ status: "found", start: second, end: second + QUOTE.length });
  });

  it("finds the exact words alone when all their context was rewritten", () => {
    const start = ARTICLE.indexOf(QUOTE);
    const anchor = anchorAt(ARTICLE, start, start + QUOTE.length);
    const edited = `A new opening. ${QUOTE}. A new ending.`;
    expect(locateQuote(edited, anchor)).toEqual({ status: "found", start: 15, end: 15 + QUOTE.length });
  });

  it("marks a passage whose words were edited as changed, where it was", () => {
    const start = ARTICLE.indexOf(QUOTE);
    const anchor = anchorAt(ARTICLE, start, start + QUOTE.length);
    const edited = ARTICLE.replaceAll("cyber-power to spy on", "cyber power to snoop on");
    const match = locateQuote(edited, anchor);
    expect(match.status).toBe("changed");
    if (match.status !== "changed") return;
    expect(edited.slice(match.start, match.end)).toBe("You don't use your cyber power to snoop on other people");
  });

  it("says missing when the passage is gone", () => {
    const start = ARTICLE.indexOf(QUOTE);
    const anchor = anchorAt(ARTICLE, start, start + QUOTE.length);
    expect(locateQuote("Something else entirely, about the weather in Miami.", anchor)).toEqual({ status: "missing" });
  });

  it("does not take a passage that shares only a common word for the quote", () => {
    const anchor = { quote: "the Chinese government could gain access to it", quotePrefix: "", quoteSuffix: "" };
    expect(locateQuote("The report said the US government could not say.", anchor).status).toBe("missing");
  });
});

/** Text around a quote, and random edits of it that leave the quote itself alone. */
const filler = fc.string({ unit: fc.constantFrom("a", "b", " ", "s", "p", "y", "\n", "é", "😀"), maxLength: 60 });
const quoteArb = fc.string({ unit: fc.constantFrom("s", "p", "y", " ", "o", "n"), minLength: 1, maxLength: 30 });
type Edit = { at: number; remove: number; insert: string };
const editsArb = fc.array(fc.record({ at: fc.nat(), remove: fc.nat(8), insert: filler }), { maxLength: 6 });

/** Applies edits to one side of the quote only (before or after it), so the quoted words stay intact. */
function edited(side: string, edits: Edit[]): string {
  let text = side;
  for (const { at, remove, insert } of edits) {
    const position = text.length === 0 ? 0 : at % (text.length + 1);
    text = text.slice(0, position) + insert + text.slice(position + remove);
  }
  return text;
}

describe("re-anchoring (properties)", () => {
  it("always finds an unchanged quoted passage again, however the rest of the text is edited", () => {
    fc.assert(
      fc.property(filler, quoteArb, filler, editsArb, editsArb, (before, quote, after, beforeEdits, afterEdits) => {
        const text = before + quote + after;
        const anchor = anchorAt(text, before.length, before.length + quote.length);
        const newText = edited(before, beforeEdits) + quote + edited(after, afterEdits);
        const match = locateQuote(newText, anchor);
        expect(match.status).toBe("found");
        if (match.status === "found") expect(newText.slice(match.start, match.end)).toBe(quote);
      }),
      { numRuns: 500 },
    );
  });

  it("finds the very passage quoted, not a copy elsewhere, while its context is untouched", () => {
    fc.assert(
      fc.property(filler, quoteArb, filler, filler, (before, quote, after, far) => {
        const context = "\u2022".repeat(QUOTE_CONTEXT); // a margin no filler contains
        const text = before + context + quote + context + after;
        const start = before.length + context.length;
        const anchor = anchorAt(text, start, start + quote.length);
        // Copies of the words put far away, before and after, shift nothing in the context.
        const newText = quote + far + quote + before + context + quote + context + after + quote;
        const newStart = quote.length * 2 + far.length + before.length + context.length;
        expect(locateQuote(newText, anchor)).toEqual({ status: "found", start: newStart, end: newStart + quote.length });
      }),
      { numRuns: 300 },
    );
  });

  it("finds a long passage with one word changed, at its place", () => {
    const words = fc.array(fc.constantFrom("cloud", "data", "risk", "Alibaba", "review", "China", "market", "share"), { minLength: 10, maxLength: 20 });
    fc.assert(
      fc.property(words, fc.nat(), filler, filler, (quoteWords, which, before, after) => {
        const quote = quoteWords.join(" ");
        const text = `${before}|${quote}|${after}`;
        const start = before.length + 1;
        const anchor = anchorAt(text, start, start + quote.length);
        const changedWords: string[] = [...quoteWords];
        changedWords[which % changedWords.length] = "REPLACED";
        const newQuote = changedWords.join(" ");
        const newText = `${before}|${newQuote}|${after}`;
        const match = locateQuote(newText, anchor);
        expect(match.status).not.toBe("missing");
        if (match.status === "missing") return;
        // The passage found overlaps where the edited words are.
        expect(match.start).toBeLessThan(start + newQuote.length);
        expect(match.end).toBeGreaterThan(start);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws and stays inside the text on any input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (text, quote, prefix, suffix) => {
        const match = locateQuote(text, { quote, quotePrefix: prefix, quoteSuffix: suffix });
        if (match.status !== "missing") {
          expect(0 <= match.start && match.start < match.end && match.end <= text.length).toBe(true);
          if (match.status === "found") expect(text.slice(match.start, match.end)).toBe(quote);
        }
      }),
    );
  });
});
