/**
 * Argdown read by its reference implementation, @argdown/core (MIT): its lexer and parser, its
 * data plugin (front matter and `{…}` data) and its model plugin (equivalence classes, arguments
 * and their premise–conclusion structures, relations moved to conclusions as Argdown does, strict
 * mode). What it cannot read is reported with its line, and the rest is still read, as Argdown's
 * own tools do.
 */
import type { ArgdownApplication, IArgdownRequest, IArgdownResponse, IArgument, IEquivalenceClass, IRelation, ISection } from "@argdown/core";
import type { ImportWarning } from "./importReport";

export interface ArgdownModel {
  statements: Record<string, IEquivalenceClass>;
  arguments: Record<string, IArgument>;
  relations: IRelation[];
  sections: ISection[];
  frontMatter: Record<string, unknown>;
  /** Lexer and parser errors, and anything the model could not build, by line. */
  errors: ImportWarning[];
}

interface Response extends Omit<IArgdownResponse, "statements" | "arguments" | "relations" | "sections" | "frontMatter" | "lexerErrors" | "parserErrors"> {
  statements?: Record<string, IEquivalenceClass>;
  arguments?: Record<string, IArgument>;
  relations?: IRelation[];
  sections?: ISection[];
  frontMatter?: unknown;
  lexerErrors?: { line?: number; column?: number; message: string }[];
  parserErrors?: { message: string; token?: { startLine?: number } }[];
}

function syntaxErrors(response: Response, lineOffset: number): ImportWarning[] {
  const errors: ImportWarning[] = [];
  const at = (line: number | undefined) => (line !== undefined && Number.isFinite(line) ? `line ${line + lineOffset}` : "end of file");
  for (const error of response.lexerErrors ?? []) errors.push({ where: at(error.line), message: `Argdown cannot read this: ${error.message}` });
  for (const error of response.parserErrors ?? []) errors.push({ where: at(error.token?.startLine), message: `Argdown syntax error: ${error.message}` });
  return errors;
}

/**
 * Front matter settings are read by us, not merged into the request by the data plugin: a merge
 * would copy whatever the file's YAML says (aliases expanded) into the parser's own settings.
 * Only `model: {mode: strict}` is honoured, set between the walk and the model's run.
 */
const strictModeFromFrontMatter = {
  name: "ArgumapFrontMatterSettings",
  run(request: IArgdownRequest, response: Response) {
    const model = (response.frontMatter as { model?: { mode?: unknown } } | undefined)?.model;
    const settings = request as { model?: Record<string, unknown> };
    settings.model = { ...settings.model, mode: model?.mode === "strict" ? "strict" : "loose" };
  },
};

/**
 * Loaded on first use with import(): @argdown/core is an ES module (its chevrotain has no
 * CommonJS entry), and the code that reads imports also runs as CommonJS (a worker under tsx).
 */
let application: Promise<ArgdownApplication> | null = null;
function argdown(): Promise<ArgdownApplication> {
  application ??= import("@argdown/core").then(({ ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin }) => {
    const app = new ArgdownApplication();
    app.addPlugin(new ParserPlugin(), "parse-input");
    app.addPlugin(new DataPlugin(), "build-model");
    app.addPlugin(strictModeFromFrontMatter, "build-model");
    app.addPlugin(new ModelPlugin(), "build-model");
    return app;
  });
  return application;
}

/**
 * Runs Argdown on one block of text; line numbers in errors are shifted by lineOffset. Null when
 * Argdown stops half-way (unreadable YAML in front matter or data): its application would
 * otherwise swallow the error and answer with an empty model, as if the file said nothing.
 */
export async function parseArgdown(text: string, lineOffset: number): Promise<ArgdownModel | { failure: string }> {
  const app = await argdown();
  const request = { input: text, process: ["parse-input"], data: { frontMatterSettingsMode: "ignore" }, logLevel: "none" };
  const response = app.run(request as IArgdownRequest) as Response;
  const errors = syntaxErrors(response, lineOffset);
  if (!response.ast) return { failure: errors[0] ? `${errors[0].where}: ${errors[0].message}` : "Argdown could not read this file" };
  try {
    app.run({ ...request, process: ["build-model"], throwExceptions: true } as IArgdownRequest, response as IArgdownResponse);
  } catch (error) {
    return { failure: `Argdown could not read this file: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
  const frontMatter = response.frontMatter;
  return {
    statements: response.statements ?? {},
    arguments: response.arguments ?? {},
    relations: response.relations ?? [],
    sections: response.sections ?? [],
    frontMatter: typeof frontMatter === "object" && frontMatter !== null && !Array.isArray(frontMatter) ? (frontMatter as Record<string, unknown>) : {},
    errors,
  };
}
