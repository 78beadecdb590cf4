/**
 * `npm run bench`: runs every bench module present (bench/*.bench.ts, each exporting a
 * `run…Bench(): Promise<BenchResult>`), one after another so they never compete for the two
 * cores, prints one table, and writes bench/results/<name>.json and bench/results/summary.json.
 *
 *   npm run bench                 every module
 *   npm run bench -- sync         only the modules whose name contains "sync"
 *
 * A module that throws (or sets process.exitCode after a partial failure) is reported and the
 * others still run; the exit code is 1 then.
 * A missed budget is reported in the table and the summary, not as a failure of the run:
 * absolute figures on a shared machine move with its load (design.md, "Performance budgets").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchResult } from "./types";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = path.join(BENCH_DIR, "results");

type Runner = () => Promise<BenchResult>;

export function printTable(results: BenchResult[]): void {
  const header = ["bench", "metric", "value", "baseline", "ratio", "budget", "pass"];
  const number = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
  const lines = results.flatMap((result) =>
    result.rows.map((row) => [
      result.name,
      row.metric,
      `${number(row.value)} ${row.unit}`,
      `${number(row.baseline)} ${row.unit}`,
      `${row.ratio.toFixed(2)}×`,
      row.budget ?? "",
      row.pass === undefined ? "" : row.pass ? "yes" : "NO",
    ]),
  );
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (line: string[]) => line.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log(format(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(format(line));
}

async function findRunners(filter: string | undefined): Promise<{ file: string; name: string; run: Runner }[]> {
  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(".bench.ts") && (!filter || file.includes(filter)))
    .sort();
  const runners: { file: string; name: string; run: Runner }[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as Record<string, unknown>;
    const entry = Object.entries(module).find(([name, value]) => /^run\w*Bench$/.test(name) && typeof value === "function");
    if (!entry) console.error(`bench: ${file} exports no run…Bench function, skipped`);
    else runners.push({ file, name: entry[0], run: entry[1] as Runner });
  }
  return runners;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const startedAt = new Date().toISOString();
  const loadBefore = os.loadavg();
  const results: BenchResult[] = [];
  const failures: { file: string; error: string }[] = [];
  for (const { file, run } of await findRunners(filter)) {
    console.error(`bench: running ${file}…`);
    try {
      const result = await run();
      results.push(result);
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      fs.writeFileSync(path.join(RESULTS_DIR, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
      console.error(`bench: ${file} failed:`, error);
      failures.push({ file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const budgeted = results.flatMap((result) => result.rows.filter((row) => row.pass !== undefined).map((row) => ({ bench: result.name, metric: row.metric, pass: row.pass })));
  const summary = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
    budgetsMet: budgeted.filter((row) => row.pass).length,
    budgetsMissed: budgeted.filter((row) => !row.pass).map((row) => `${row.bench}: ${row.metric}`),
    failures,
    results,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nload average ${loadBefore.map((n) => n.toFixed(2)).join(" ")} before, ${os.loadavg().map((n) => n.toFixed(2)).join(" ")} after; ${os.cpus().length} cores, Node ${process.version}`);
  printTable(results);
  console.log(`\n${summary.budgetsMet}/${budgeted.length} budgets met${failures.length ? `; ${failures.length} bench module(s) failed: ${failures.map((f) => f.file).join(", ")}` : ""}`);
  console.log(`results: ${path.relative(process.cwd(), RESULTS_DIR)}/summary.json`);
  // A module may also set process.exitCode when part of it failed but it still has rows to show.
  process.exit(failures.length > 0 ? 1 : (process.exitCode ?? 0));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
