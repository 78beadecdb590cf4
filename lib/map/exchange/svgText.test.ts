import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clampLines, fitLine, textWidth, wrapText, xmlEscape, type Font } from "./svgText";

const FONT: Font = { size: 14 };

describe("xmlEscape", () => {
  it.each([
    ["plain words", "plain words"],
    ['<a href="x">&\'</a>', "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"],
    ["two\nlines\tand\rreturns", "two lines and returns"],
    ["nul \0 bell \x07 and \uFFFF", "nul \uFFFD bell \uFFFD and \uFFFD"],
    ["lone \uD800 and \uDC00 halves, a pair 😀 stays", "lone \uFFFD and \uFFFD halves, a pair 😀 stays"],
    ["already &amp; escaped", "already &amp;amp; escaped"],
  ])("%j → %j", (text, escaped) => {
    expect(xmlEscape(text)).toBe(escaped);
  });
});

describe("wrapText", () => {
  it("fills lines up to the width, keeping every word in order", () => {
    const text = "Alibaba Cloud in the US is a security risk for American companies and their customers";
    const lines = wrapText(text, 200, FONT);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(textWidth(line, FONT)).toBeLessThanOrEqual(200);
  });

  it("keeps paragraph breaks and drops trailing empty lines", () => {
    expect(wrapText("One\n\nTwo\n\n", 200, FONT)).toEqual(["One", "", "Two"]);
  });

  it("stops soon after the most lines wanted", () => {
    expect(wrapText("a\n".repeat(1000), 200, FONT, 12)).toHaveLength(13);
  });

  it("never makes a line wider than the width unless it is one character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.integer({ min: 20, max: 300 }), (text, width) => {
        for (const line of wrapText(text, width, FONT)) {
          if (Array.from(line).length > 1) expect(textWidth(line, FONT)).toBeLessThanOrEqual(width);
        }
      }),
    );
  });
});

describe("fitLine and clampLines", () => {
  it("cut with an ellipsis only what does not fit", () => {
    expect(fitLine("Short", 200, FONT)).toBe("Short");
    const cut = fitLine("Wall Street Journal op-ed about Alibaba", 100, FONT);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, FONT)).toBeLessThanOrEqual(100);
    expect(clampLines(["a", "b", "c"], 2, 100, FONT)).toEqual(["a", "b…"]);
    expect(clampLines(["a", "b"], 2, 100, FONT)).toEqual(["a", "b"]);
  });
});
