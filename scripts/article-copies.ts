/**
 * `npm run check:copies [-- --min N --top K]`: how much of the seed articles the repository repeats.
 * Prints the longest runs of article words outside the demo nodes' quotes (runs of N words or
 * more, default 6), then any breach of the copy rules, and exits 1 on a breach. The unit test
 * prisma/no-copied-articles.test.ts enforces the same rules; this is the tool for looking closer.
 */
import { COPY_RULES, copiedRuns, indexArticles, ruleBreaks, type CopiedRun } from "../prisma/article-copies";
import { DEMO_MAP } from "../prisma/demo-map";
import { readSeedArticles, readTextFile, repositoryTextFiles } from "../prisma/seed-articles";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const minRun = option("min", 6);
const top = option("top", 15);
const articles = Object.values(readSeedArticles());
const index = indexArticles(articles, Math.min(minRun, COPY_RULES.maxOutsideQuotes));
const allowed = [...DEMO_MAP.nodes.map((node) => node.quote), ...DEMO_MAP.sources.map((source) => source.title)];

const outside: (CopiedRun & { file: string })[] = [];
const breaks: string[] = [];
let scanned = 0;
for (const file of repositoryTextFiles()) {
  const text = readTextFile(file);
  if (text === null) continue;
  scanned++;
  const runs = copiedRuns(index, text, allowed);
  breaks.push(...ruleBreaks(file, runs));
  outside.push(...runs.filter((run) => run.allowedBy === null && run.words >= minRun).map((run) => ({ ...run, file })));
}
outside.sort((a, b) => b.words - a.words || a.file.localeCompare(b.file) || a.line - b.line);

console.log(`Scanned ${scanned} files against ${articles.map((article) => article.name).join(", ")}.`);
console.log(`Longest runs of article words outside the nodes' quotes (${minRun}+ words):`);
if (outside.length === 0) console.log("  none");
for (const run of outside.slice(0, top)) console.log(`  ${run.words} words  ${run.file}:${run.line}  "${run.text}"`);
if (breaks.length > 0) {
  console.log(`\n${breaks.length} breach(es) of the copy rules:`);
  for (const problem of breaks) console.log(`  ${problem}`);
  process.exitCode = 1;
}
