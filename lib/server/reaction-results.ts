/**
 * A presentation session's results as the presenter exports them (JSON or CSV), the map's list of
 * sessions, and the room's votes per node, for evaluation (issue 16: the room's agree/disagree
 * votes can set a node's base score). Counts only: who voted what is never exported.
 */
import { emptyTally, type RaisedHand, type SessionResults, type StepResult, type Tally } from "../map/room/reactions";
import { entryOf } from "../map/records";
import { readDb } from "./db";
import { loadDoc } from "./doc-store";
import { AppError } from "./errors";
import { findSession, listSessions, type SessionRow } from "./presentation-sessions";
import { sessionCounts } from "./reactions";

export interface SessionSummary {
  id: string;
  startedAt: string;
  endedAt: string | null;
  leader: string;
}

export async function sessionsOf(mapId: string): Promise<SessionSummary[]> {
  return (await listSessions(mapId)).map((row) => ({ id: row.id, startedAt: row.startedAt.toISOString(), endedAt: row.endedAt?.toISOString() ?? null, leader: row.leaderName }));
}

/** `which` is a session id, or "latest" for the map's most recent one. */
export async function findResultsSession(mapId: string, which: string): Promise<SessionRow> {
  const row = which === "latest" ? ((await listSessions(mapId, 1))[0] ?? null) : await findSession(mapId, which);
  if (!row) throw new AppError("not_found", which === "latest" ? "This map has not been presented to a room yet." : "No such presentation session on this map.");
  return row;
}

export async function sessionResults(mapId: string, which: string): Promise<SessionResults> {
  const session = await findResultsSession(mapId, which);
  const counts = await sessionCounts(session.id);
  const client = await readDb();
  const loaded = await client.$transaction((tx) => loadDoc(tx, mapId));
  const hands = await client.raisedHand.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: "asc" } });
  const stepNumbers = new Set([...Object.keys(counts.steps).map(Number), ...counts.tallies.keys()]);
  const steps: StepResult[] = [...stepNumbers]
    .sort((a, b) => a - b)
    .map((step) => {
      const nodeIds = counts.steps[step] ?? [];
      const texts = nodeIds.map((id) => (loaded ? (entryOf(loaded.doc.nodes, id)?.text ?? "") : ""));
      return { step, nodeIds, texts, tally: counts.tallies.get(step) ?? emptyTally(), revealed: counts.revealed.has(step) };
    });
  const questions: SessionResults["questions"] = hands.map((hand) => ({ id: hand.id, step: hand.step, name: hand.name, question: hand.question, at: hand.createdAt.toISOString(), answered: hand.closedAt !== null }));
  return {
    sessionId: session.id,
    mapTitle: loaded?.doc.meta.title ?? "",
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    leader: session.leaderName,
    steps,
    questions,
  };
}

/**
 * The room's votes on each node in the map's latest presentation: a step's counts go to every node
 * it showed. Empty when the map was never presented.
 */
export async function roomVotesByNode(mapId: string): Promise<Record<string, Tally>> {
  const [latest] = await listSessions(mapId, 1);
  if (!latest) return {};
  const counts = await sessionCounts(latest.id);
  const byNode: Record<string, Tally> = {};
  for (const [step, tally] of counts.tallies) {
    for (const id of counts.steps[step] ?? []) {
      const sum = (byNode[id] ??= emptyTally());
      sum.agree += tally.agree;
      sum.disagree += tally.disagree;
      sum.unsure += tally.unsure;
    }
  }
  return byNode;
}

export type { RaisedHand };
