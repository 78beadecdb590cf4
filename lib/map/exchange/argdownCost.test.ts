/**
 * Argdown's reference parser is slow on some input (quadratic in unclosed "[" on a line, in
 * syntax characters and in lines per paragraph); the guards in argdownCost.ts refuse such input
 * in one linear pass before it runs, and let real documents through. Each hostile input here is
 * grown to the request body limit: were it handed to the parser, the test would run for minutes
 * and fail by its timeout.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits";
import { importRefusal } from "../testing/imports";
import { lexerWork, lexerWorkProblem, paragraphProblem } from "./argdownCost";
import { parseArgdownImport } from "./argdownImport";

const BODY = LIMITS.requestBody;

describe("the guards before Argdown's parser", () => {
  it.each([
    ["2 MB of '['", "[".repeat(BODY), /^line 1: too many unclosed/],
    ["2 MB of '<'", "<".repeat(BODY), /^line 1: too many unclosed/],
    ["2 MB of '{'", "{".repeat(BODY), /^line 1: too many unclosed/],
    ["'<!--' never closed, again and again", "<!--".repeat(BODY / 4), /^line 1: too many unclosed/],
    ["'#(' never closed, again and again", "#(".repeat(BODY / 2), /^line 1: too many unclosed/],
    ["lines of 1,000 '[' each", `${"[".repeat(1000)}\n`.repeat(BODY / 1001), /^line 1: too many unclosed/],
    ["a paragraph of 4,001 syntax characters", `[A]: a\n\n${",".repeat(4001)}`, /^line 3: a paragraph with more than 4000 of Argdown's syntax characters/],
    ["a paragraph of 2,001 lines", "a\n".repeat(2001), /^line 2001: a paragraph of more than 2000 lines/],
    ["2 MB of paragraphs of 1,999 lines", Array.from({ length: 500 }, () => "a\n".repeat(1999)).join("\n"), /paragraphs are too long, too many times over/],
    ["more than 100,000 syntax characters in short paragraphs", "(a)\n\n".repeat(60_000), /more than 100000 of Argdown's syntax characters/],
  ])("refuses %s with 413, naming the line", async (_what, text, message) => {
    const error = importRefusal(await parseArgdownImport(text));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(message);
  });

  it("counts the lexer's scans as it would make them: to the end of the line for '[' and '<', to the next '}' for '{'", () => {
    // "[a]: b": the "]:" is found at once (3 characters); "[a]" alone would scan its line.
    expect(lexerWork("[a]: b").total).toBeLessThan(20);
    expect(lexerWork(`[${"x".repeat(1000)}`).total).toBeGreaterThanOrEqual(3000);
    expect(lexerWork(`{${"x".repeat(1000)}} more\n`).total).toBeGreaterThanOrEqual(2000);
    expect(lexerWork("a\nb\n[c\n").worstLine).toBe(3);
  });

  it("lets every example document of the Argdown project through", () => {
    const folder = path.join(__dirname, "fixtures", "argdown-examples");
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".argdown"))) {
      const text = readFileSync(path.join(folder, file), "utf8");
      expect([file, lexerWorkProblem(text), paragraphProblem(text)]).toEqual([file, null, null]);
    }
  });

  it("lets a 5,000-statement map with 15,000 relations through (about 50,000 syntax characters)", () => {
    const lines: string[] = [];
    for (let i = 1; i <= 5_000; i++) {
      lines.push(`[s${i}]: Statement ${i} of a generated debate, with a comma.`);
      for (let k = 1; k <= 3; k++) lines.push(`  ${k % 2 === 0 ? "-" : "+"} [s${((i * 7_919 + k * 104_729) % 5_000) + 1}]`);
      lines.push("");
    }
    const text = lines.join("\n");
    expect([lexerWorkProblem(text), paragraphProblem(text)]).toEqual([null, null]);
  });
});
