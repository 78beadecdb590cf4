/**
 * The room's reactions to a presentation: each follower's vote on a step (agree / disagree /
 * unsure, one per person per step, changeable) and raised hands with a short question. Counted
 * by the server per presentation session; shown to the room only when the presenter reveals a
 * step's results. Also the export of a session's results (JSON and CSV).
 */
import { z } from "zod";

export const VOTES = ["agree", "disagree", "unsure"] as const;
export type Vote = (typeof VOTES)[number];
export type Tally = Record<Vote, number>;

export const VOTE_LABEL: Record<Vote, string> = { agree: "Agree", disagree: "Disagree", unsure: "Unsure" };
export const QUESTION_MAX_LENGTH = 280;

export const emptyTally = (): Tally => ({ agree: 0, disagree: 0, unsure: 0 });
export const tallyTotal = (tally: Tally): number => tally.agree + tally.disagree + tally.unsure;

/** Each person's vote on one step → the step's counts (a person counts once, with their last vote). */
export function tallyOf(votes: Iterable<Vote>): Tally {
  const tally = emptyTally();
  for (const vote of votes) tally[vote] += 1;
  return tally;
}

/** A browser's person id: the same for all its tabs, so a person votes once however many they open. */
export const voterIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "voterId is 8 to 64 letters, digits, '_' or '-'");

/** No lone surrogates: text that cannot be stored or exported as UTF-8 is refused. */
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

export const voteRequestSchema = z.object({
  voterId: voterIdSchema,
  step: z.number().int().min(0).max(100_000),
  /** null takes the vote back. */
  vote: z.enum(VOTES, 'vote must be "agree", "disagree", "unsure" or null').nullable(),
});

export const handRequestSchema = z.object({
  voterId: voterIdSchema,
  name: z.string().trim().min(1, "a raised hand needs a name").max(60),
  step: z.number().int().min(0).max(100_000),
  question: z.string().trim().max(QUESTION_MAX_LENGTH, `a question is at most ${QUESTION_MAX_LENGTH} characters`).refine(wellFormed, "the question is not well-formed text").default(""),
});

export const revealRequestSchema = z.object({ step: z.number().int().min(0).max(100_000), shown: z.boolean() });

export interface RaisedHand {
  id: string;
  step: number;
  name: string;
  question: string;
  at: string;
}

/** What the presenter sees (and what an export holds) for one step. */
export interface StepResult {
  step: number;
  nodeIds: string[];
  /** The step's node texts at export time ("" for a node deleted since). */
  texts?: string[];
  tally: Tally;
  revealed: boolean;
}

export interface SessionResults {
  sessionId: string;
  mapTitle: string;
  startedAt: string;
  endedAt: string | null;
  leader: string;
  steps: StepResult[];
  questions: (RaisedHand & { answered: boolean })[];
}

/** One CSV cell: quoted when it holds a separator, a quote or a line break; formula starts defused. */
function cell(value: string | number): string {
  let text = String(value);
  // A spreadsheet runs a cell starting with = + - @ as a formula: a question must never do that.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The results as CSV: one line per step, then one per question, for a spreadsheet. */
export function resultsCsv(results: SessionResults): string {
  const lines = [["section", "step", "agree", "disagree", "unsure", "total", "revealed", "nodes", "name", "question", "at", "answered"]];
  for (const step of results.steps) {
    const { agree, disagree, unsure } = step.tally;
    lines.push(["step", String(step.step + 1), String(agree), String(disagree), String(unsure), String(tallyTotal(step.tally)), step.revealed ? "yes" : "no", (step.texts ?? step.nodeIds).join(" | "), "", "", "", ""]);
  }
  for (const question of results.questions) {
    lines.push(["question", String(question.step + 1), "", "", "", "", "", "", question.name, question.question, question.at, question.answered ? "yes" : "no"]);
  }
  return `${lines.map((line) => line.map(cell).join(",")).join("\r\n")}\r\n`;
}
