/**
 * Presentation sessions in the database: one presentation to a room, from when someone starts
 * leading a map until nobody has led it for RESUME_WINDOW_MS (a reloaded stage, or the owner
 * taking the lead back from an editor, continues the same session). The room's votes and hands
 * (reactions.ts) are kept per session, so results survive a restart and can be exported later.
 */
import { randomUUID } from "node:crypto";
import { db, readDb } from "./db";

/** A presentation that pauses for less than this picks up where it was. */
export const RESUME_WINDOW_MS = 10 * 60_000;

export interface SessionRow {
  id: string;
  mapId: string;
  startedAt: Date;
  endedAt: Date | null;
  leaderName: string;
  /** step → the node ids it showed. */
  steps: Record<number, string[]>;
  revealed: number[];
}

function parseSteps(json: string): Record<number, string[]> {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as Record<number, string[]>) : {};
  } catch {
    return {};
  }
}

function parseRevealed(json: string): number[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((step): step is number => Number.isSafeInteger(step)) : [];
  } catch {
    return [];
  }
}

function toRow(row: { id: string; mapId: string; startedAt: Date; endedAt: Date | null; leaderName: string; steps: string; revealed: string }): SessionRow {
  return { ...row, steps: parseSteps(row.steps), revealed: parseRevealed(row.revealed) };
}

/** The session a new lead belongs to: the map's open one, one ended moments ago, or a new one. */
export async function openSession(mapId: string, leaderName: string, now = new Date()): Promise<SessionRow> {
  const client = await db();
  const recent = await client.presentationSession.findFirst({ where: { mapId }, orderBy: { startedAt: "desc" } });
  if (recent && (recent.endedAt === null || now.getTime() - recent.endedAt.getTime() < RESUME_WINDOW_MS)) {
    const resumed = recent.endedAt === null ? recent : await client.presentationSession.update({ where: { id: recent.id }, data: { endedAt: null } });
    return toRow(resumed);
  }
  return toRow(await client.presentationSession.create({ data: { id: randomUUID(), mapId, leaderName, startedAt: now } }));
}

export async function closeSession(sessionId: string, now = new Date()): Promise<void> {
  await (await db()).presentationSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

export async function saveSessionSteps(sessionId: string, steps: Record<number, string[]>, revealed: readonly number[]): Promise<void> {
  await (await db()).presentationSession.update({ where: { id: sessionId }, data: { steps: JSON.stringify(steps), revealed: JSON.stringify([...revealed].sort((a, b) => a - b)) } });
}

export async function findSession(mapId: string, sessionId: string): Promise<SessionRow | null> {
  const row = await (await readDb()).presentationSession.findFirst({ where: { id: sessionId, mapId } });
  return row ? toRow(row) : null;
}

/** The map's sessions, newest first. */
export async function listSessions(mapId: string, take = 50): Promise<SessionRow[]> {
  const rows = await (await readDb()).presentationSession.findMany({ where: { mapId }, orderBy: { startedAt: "desc" }, take });
  return rows.map(toRow);
}
