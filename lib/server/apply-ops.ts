/**
 * The authority: validates each op against the current map, writes it to the tables and appends it
 * to the log at the next revision, in one transaction per op (so one bad op never blocks the rest
 * of a client's queue), then fans it out. A retried op (same clientId + clientOpId) is applied once.
 */
import { applyOp } from "../map/apply";
import type { Op, OpError } from "../map/ops";
import type { LoggedOp } from "./broadcaster";
import { broadcaster } from "./broadcaster";
import { db, type Tx } from "./db";
import { forget, loadDoc, remember } from "./doc-store";
import { mapNotFound } from "./errors";
import { withMapLock } from "./map-lock";
import { persistOp } from "./persist-op";

export type ClientOp = Op & { clientOpId: string };

export interface ApplyOutcome {
  revision: number;
  applied: { clientOpId: string; revision: number }[];
  rejected: { clientOpId: string; error: OpError }[];
}

export interface Submission {
  mapId: string;
  clientId: string;
  author: string;
  ops: ClientOp[];
}

export function applyClientOps(submission: Submission): Promise<ApplyOutcome> {
  return withMapLock(submission.mapId, () => applyInOrder(submission));
}

async function applyInOrder({ mapId, clientId, author, ops }: Submission): Promise<ApplyOutcome> {
  const client = await db();
  const outcome: ApplyOutcome = { revision: 0, applied: [], rejected: [] };
  for (const { clientOpId, ...op } of ops) {
    try {
      const result = await client.$transaction((tx) => applyOne(tx, { mapId, clientId, clientOpId, author, op: op as Op }));
      if ("error" in result) outcome.rejected.push({ clientOpId, error: result.error });
      else {
        outcome.applied.push({ clientOpId, revision: result.entry.revision });
        if (result.fresh) broadcaster().publish(mapId, { kind: "op", entry: result.entry });
      }
    } catch (error) {
      forget(mapId);
      throw error;
    }
  }
  const map = await client.map.findUnique({ where: { id: mapId }, select: { revision: true } });
  outcome.revision = map?.revision ?? 0;
  return outcome;
}

type OneResult = { entry: LoggedOp; fresh: boolean } | { error: OpError };

async function applyOne(tx: Tx, entry: Omit<LoggedOp, "revision"> & { mapId: string }): Promise<OneResult> {
  const { mapId, clientId, clientOpId, author, op } = entry;
  const logged = await tx.op.findUnique({ where: { mapId_clientId_clientOpId: { mapId, clientId, clientOpId } } });
  if (logged) {
    return { entry: { revision: logged.revision, clientId, clientOpId, author: logged.author, op: JSON.parse(logged.payload) as Op }, fresh: false };
  }
  const current = await loadDoc(tx, mapId);
  if (!current) throw mapNotFound();
  const result = applyOp(current.doc, op);
  if (!result.ok) return { error: result.error };
  const revision = current.revision + 1;
  await persistOp(tx, mapId, op, current.doc, result.doc, revision);
  await tx.op.create({ data: { mapId, revision, clientId, clientOpId, author, type: op.type, payload: JSON.stringify(op) } });
  await tx.map.update({ where: { id: mapId }, data: { revision } });
  remember(mapId, revision, result.doc);
  return { entry: { revision, clientId, clientOpId, author, op }, fresh: true };
}
