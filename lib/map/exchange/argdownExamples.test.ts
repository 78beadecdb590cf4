/**
 * Real documents from the Argdown project's examples (fixtures/argdown-examples, MIT): each
 * imports with the statements, arguments and relations that @argdown/core itself reads in it,
 * and every difference the map cannot avoid has its line in the import report.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin, type IArgdownRequest } from "@argdown/core";
import { describe, expect, it } from "vitest";
import { parseArgdownImport } from "./argdownImport";

const FOLDER = path.join(__dirname, "fixtures", "argdown-examples");

/** What Argdown's own parser and model make of the file, with its default settings (front matter merged as Argdown does). */
function argdownCounts(text: string) {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), "parse-input");
  app.addPlugin(new DataPlugin(), "build-model");
  app.addPlugin(new ModelPlugin(), "build-model");
  const response = app.run({ input: text, process: ["parse-input", "build-model"] } as IArgdownRequest) as unknown as {
    statements: Record<string, unknown>;
    arguments: Record<string, { pcs?: { title?: string }[] }>;
    relations: { relationType: string }[];
  };
  const relations: Record<string, number> = {};
  for (const relation of response.relations) relations[relation.relationType] = (relations[relation.relationType] ?? 0) + 1;
  const reconstructed = Object.values(response.arguments).filter((argument) => (argument.pcs ?? []).length > 0);
  const premises = reconstructed.reduce((sum, argument) => sum + new Set(argument.pcs!.slice(0, -1).map((statement) => statement.title)).size, 0);
  return { statements: Object.keys(response.statements).length, arguments: Object.keys(response.arguments).length, relations, reconstructed: reconstructed.length, premises };
}

/** Statements, arguments and links of each kind, as written down once from @argdown/core 2's reading, so a change in either side shows. */
type Counts = [statements: number, args: number, premise: number, supports: number, rebuts: number, undercuts: number];

// [file, its counts, the warnings the import gives (where, start of message)]
const EXAMPLES: [string, Counts, [string, string][]][] = [
  ["argdown-primer.argdown", [17, 4, 2, 6, 5, 0], []],
  [
    "greenspan-schefczyk_hardwrap.argdown",
    [36, 6, 17, 8, 2, 0],
    [
      ["line 209", "<Diversification Argument> has 2 inference steps"],
      ["line 184", "1 contradictions (><) are imported as two rebuts"],
    ],
  ],
  ["legalisation-softdrugs.argdown", [1, 17, 0, 9, 8, 2], []],
  [
    "semmelweis_betz.argdown",
    [32, 10, 31, 10, 7, 0],
    [
      ["line 35, line 36, line 39, line 136, line 165", "5 contrary relations"],
      ["line 185", "1 contradictions (><) are imported as two rebuts"],
    ],
  ],
];

describe("the Argdown project's example documents", () => {
  it.each(EXAMPLES)("%s imports what @argdown/core reads in it", async (file, counts, warnings) => {
    const text = readFileSync(path.join(FOLDER, file), "utf8");
    const result = await parseArgdownImport(text);
    if (!result.ok) throw new Error(result.error.message);
    const expected = argdownCounts(text);
    const count = (key: string) => result.report.created[key] ?? 0;
    const { relations } = expected;
    const of = (type: string) => relations[type] ?? 0;
    expect(count("claim") + count("support") + count("rebuttal")).toBe(expected.statements);
    expect(count("argument")).toBe(expected.arguments);
    expect(count("premise")).toBe(expected.premises);
    // Each reconstructed argument supports its conclusion; support and entailment are supports.
    expect(count("supports")).toBe(of("support") + of("entails") + expected.reconstructed);
    // Attack and contrary are one rebuts each, a contradiction two (one each way).
    expect(count("rebuts")).toBe(of("attack") + of("contrary") + 2 * of("contradictory"));
    expect(count("undercuts")).toBe(of("undercut"));
    const statements = count("claim") + count("support") + count("rebuttal");
    expect([statements, count("argument"), count("premise"), count("supports"), count("rebuts"), count("undercuts")]).toEqual(counts);
    expect(result.report.warnings.map((warning) => [warning.where, warning.message.slice(0, warnings.find(([where]) => where === warning.where)?.[1].length)])).toEqual(warnings);
  });

  it("joins hard-wrapped lines into one text and keeps tags, as Argdown does", async () => {
    const result = await parseArgdownImport(readFileSync(path.join(FOLDER, "legalisation-softdrugs.argdown"), "utf8"));
    if (!result.ok) throw new Error(result.error.message);
    const noHarm = Object.values(result.doc.nodes).find((node) => node.text.startsWith("The role of legislation"));
    expect(noHarm?.kind).toBe("argument");
    expect(noHarm?.text).toMatch(/^The role of legislation is to protect society from harm, but not to protect people from themselves\. .* it should not be a crime at all\. #pro$/);
    expect(result.doc.meta).toMatchObject({ title: "Pros and Cons Legalisation of Soft Drugs", description: "A Simple Analysis" });
  });
});
