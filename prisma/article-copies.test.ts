/**
 * The copy checker itself, on small made-up articles: what counts as the same word, how long a
 * run is, and when a quote makes a run acceptable.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copiedRuns, indexArticles, ruleBreaks, wordList } from "./article-copies";

const ARTICLE = {
  name: "article.txt",
  text:
    "The harbour board met on Tuesday and voted to close the old pier, which it says is no longer safe " +
    "for the ferries that have docked there since the war. “It’s a sad day,” said the mayor, “but we " +
    "can’t gamble with people’s lives.” Repairs would cost $4.5 million, according to the board’s engineers.",
};
const index = indexArticles([ARTICLE], 12);

describe("wordList", () => {
  it("folds case, punctuation, apostrophes, dashes, accents and escapes into the same words", () => {
    expect(wordList("It’s a CAFÉS—day").join(" ")).toBe("its a cafes day");
    expect(wordList("it's a cafés -- day").join(" ")).toBe("its a cafes day");
    expect(wordList('it\\u2019s a caf\\u00e9s\\nday').join(" ")).toBe("its a cafes day");
    expect(wordList("it&rsquo;s a caf&#233;s&mdash;day").join(" ")).toBe("its a cafes day");
  });
});

describe("copiedRuns", () => {
  it("finds a run of 12 words however it is typed, with its line and its words", () => {
    const file = 'const x = 1;\nconst text = "VOTED to close the old pier — which it says is no longer";\n';
    const runs = copiedRuns(index, file);
    expect(runs).toEqual([
      { article: "article.txt", line: 2, words: 12, text: "voted to close the old pier which it says is no longer", allowedBy: null },
    ]);
  });

  it("ignores a run of 11 words", () => {
    expect(copiedRuns(index, "to close the old pier, which it says is no longer")).toEqual([]);
  });

  it("measures a long copy once, at its full length, across escaped quotes and line breaks", () => {
    const file = `"“It\\u2019s a sad day,\\" said the mayor,\n \\"but we can't gamble with people's lives.\\" Repairs would cost $4.5 million"`;
    const runs = copiedRuns(index, file);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ line: 1, words: 20 });
    expect(runs[0]!.text.startsWith("its a sad day said the mayor but we cant")).toBe(true);
  });

  it("accepts a run inside an allowed quote, not one that carries on past it", () => {
    const quote = "“It’s a sad day,” said the mayor, “but we can’t gamble with people’s lives.”";
    const inside = copiedRuns(index, `As she put it: ${quote} End of story.`, [quote]);
    expect(inside.map((run) => run.allowedBy)).toEqual([quote]);
    const past = copiedRuns(index, `${quote} Repairs would cost $4.5 million.`, [quote]);
    expect(past.map((run) => [run.words, run.allowedBy])).toEqual([[20, null]]);
  });

  it("finds any slice of 12 or more article words wherever it is put (property)", () => {
    const words = wordList(ARTICLE.text);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: words.length - 12 }),
        fc.integer({ min: 12, max: words.length }),
        fc.array(fc.constantFrom("zebra", "quartz", "plinth"), { maxLength: 5 }),
        (start, length, filler) => {
          const slice = words.slice(start, start + length);
          const runs = copiedRuns(index, [...filler, ...slice, ...filler].join(" "));
          expect(runs[0]?.words).toBe(slice.length);
          expect(runs[0]?.text).toBe(slice.join(" "));
        },
      ),
    );
  });
});

describe("ruleBreaks", () => {
  const long = wordList(ARTICLE.text).slice(0, 30).join(" ");
  const twelve = wordList(ARTICLE.text).slice(0, 12).join(" ");

  it("refuses 30 words anywhere, even inside a quote, and 12 words outside a quote, naming file and line", () => {
    expect(ruleBreaks("a.md", copiedRuns(index, long, [long]))).toEqual([
      `a.md:1: 30 consecutive words of article.txt (30 or more are never allowed): "${long}"`,
    ]);
    expect(ruleBreaks("b.ts", copiedRuns(index, `\n\n${twelve}`))).toEqual([
      `b.ts:3: 12 consecutive words of article.txt outside any node's quote: "${twelve}"`,
    ]);
  });

  it("lets 12 to 29 words through inside a quote", () => {
    const quote = wordList(ARTICLE.text).slice(0, 29).join(" ");
    expect(ruleBreaks("c.ts", copiedRuns(index, quote, [quote]))).toEqual([]);
  });
});
