/**
 * Argumap is MIT-licensed; the two articles the demo is drawn from are not ours to redistribute.
 * The repository may carry their facts, figures and short attributed quotes, never their sentences:
 * no file holds 30 or more consecutive words of either article, and none holds 12 or more except
 * inside one of the demo nodes' quotes. The articles are read at test time from `shared/seeds/`
 * beside the checkout (see prisma/seed-articles.ts); without them this suite fails.
 *
 * `npm run check:copies` prints the longest runs that remain, for a closer look.
 */
import { describe, expect, it } from "vitest";
import { COPY_RULES, copiedRuns, indexArticles, ruleBreaks, wordList, type Article } from "./article-copies";
import { DEMO_MAP, DEMO_SOURCE_IDS } from "./demo-map";
import { readSeedArticles, readTextFile, repositoryTextFiles } from "./seed-articles";

const MAX_QUOTE_WORDS = 30;
/** The same limit prisma/demo-map.test.ts applies between node text and source text. */
const PARAPHRASE_RUN = 8;

const seeds = readSeedArticles();
const articleOf = new Map<string, Article>([
  [DEMO_SOURCE_IDS.zdnet, seeds.zdnet],
  [DEMO_SOURCE_IDS.globalTimes, seeds.globalTimes],
]);
const index = indexArticles([seeds.zdnet, seeds.globalTimes], COPY_RULES.maxOutsideQuotes);

/** The article's text with its non-breaking spaces as plain spaces, as a quote would type them. */
function plainText(text: string): string {
  return text.replace(/\u00a0/g, " ");
}

/**
 * What may be repeated word for word: each node's quote, and each source's headline (a title
 * cited as a fact, and only if it really is a line of the article it names).
 */
function allowedPhrases(): string[] {
  const headlines = DEMO_MAP.sources.filter((source) =>
    articleOf.get(source.id)?.text.split("\n").some((line) => line.trim() === source.title),
  );
  return [...DEMO_MAP.nodes.map((node) => node.quote), ...headlines.map((source) => source.title)];
}

describe("the repository carries no copied article text", () => {
  const files = repositoryTextFiles();

  it("scans every text file of the repository, this suite and the demo included", () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of ["README.md", "prisma/demo-map.ts", "prisma/demo-sources.ts", "prisma/no-copied-articles.test.ts", "e2e/demo.spec.ts"]) {
      expect(files).toContain(file);
    }
  });

  it("holds no run of 30 article words anywhere, and none of 12 outside a node's quote", () => {
    const allowed = allowedPhrases();
    const problems: string[] = [];
    for (const file of files) {
      const text = readTextFile(file);
      if (text !== null) problems.push(...ruleBreaks(file, copiedRuns(index, text, allowed)));
    }
    expect(problems, "Rewrite these passages in your own words (or quote a node's exact quote only)").toEqual([]);
  });

  it("cites each source's headline as a line of its article", () => {
    expect(allowedPhrases().slice(DEMO_MAP.nodes.length)).toEqual(DEMO_MAP.sources.map((source) => source.title));
  });
});

describe("the demo's quotes and summaries", () => {
  it("quotes each node's article exactly, in at most 30 words", () => {
    const problems: string[] = [];
    for (const node of DEMO_MAP.nodes) {
      const article = node.sourceId === null ? undefined : articleOf.get(node.sourceId);
      if (!article) problems.push(`${node.id}: source ${String(node.sourceId)} is not one of the seed articles`);
      else if (!plainText(article.text).includes(node.quote)) problems.push(`${node.id}: quote is not word for word in ${article.name}`);
      const count = wordList(node.quote).length;
      if (count === 0 || count > MAX_QUOTE_WORDS) problems.push(`${node.id}: quote has ${count} words`);
    }
    expect(problems).toEqual([]);
  });

  it("writes every node's text in its own words, not the article's", () => {
    const paraphraseIndex = indexArticles([seeds.zdnet, seeds.globalTimes], PARAPHRASE_RUN);
    const copied = DEMO_MAP.nodes.flatMap((node) =>
      copiedRuns(paraphraseIndex, node.text).map((run) => `${node.id} copies "${run.text}" from ${run.article}`),
    );
    expect(copied).toEqual([]);
  });

  it("summarises each article in its own order: the quotes come in the order the article has them", () => {
    for (const source of DEMO_MAP.sources) {
      const article = plainText(articleOf.get(source.id)!.text);
      const quotes = DEMO_MAP.nodes
        .filter((node) => node.sourceId === source.id)
        .map((node) => ({ id: node.id, inArticle: article.indexOf(node.quote), inSummary: source.text.indexOf(node.quote) }))
        .sort((a, b) => a.inArticle - b.inArticle);
      expect(quotes.length).toBeGreaterThan(5);
      const summaryOrder = [...quotes].sort((a, b) => a.inSummary - b.inSummary).map((quote) => quote.id);
      expect(summaryOrder, `quotes of ${source.id} in summary order`).toEqual(quotes.map((quote) => quote.id));
    }
  });

  it("keeps each article's facts: publisher, author, date, headline and link", () => {
    const [zdnet, globalTimes] = [seeds.zdnet.text, seeds.globalTimes.text];
    const byId = new Map(DEMO_MAP.sources.map((source) => [source.id, source]));
    const zdnetSource = byId.get(DEMO_SOURCE_IDS.zdnet)!;
    const gtSource = byId.get(DEMO_SOURCE_IDS.globalTimes)!;
    expect(zdnet).toContain(zdnetSource.title);
    expect(zdnet).toContain(`Written by ${zdnetSource.author},`);
    expect(globalTimes.split("\n")[0]).toBe(gtSource.title);
    expect(globalTimes).toContain("Published: Jan 19, 2022");
    expect(gtSource.date).toBe("2022-01-19");
    for (const source of [zdnetSource, gtSource]) {
      expect(source.publisher).not.toBe("");
      expect(new URL(source.url).protocol).toBe("https:");
    }
  });
});
