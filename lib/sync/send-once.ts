/**
 * One batch of ops sent once, from a window that follows the map but keeps no queue of its own
 * (the presenter's window, a follower: it must not adopt other tabs' unsent ops). The change then
 * reaches it, and everyone, on the stream like any other op. Answers what happened in words.
 */
import { newId } from "../map/ids";
import type { Op } from "../map/ops";
import { httpTransport } from "./transport";

export type SendOnceAnswer = { ok: true; applied: number } | { ok: false; message: string };

export async function sendOpsOnce(token: string, ops: readonly Op[], author: string): Promise<SendOnceAnswer> {
  const clientId = newId("c");
  const result = await httpTransport(token, "", clientId).postOps({ clientId, author, ops: ops.map((op, i) => ({ ...op, clientOpId: `${clientId}-${i}` })) });
  if (result.kind !== "ok") return { ok: false, message: `The map did not take the change: ${result.message}.` };
  const { applied, rejected } = result.response;
  if (rejected.length > 0 && applied.length === 0) return { ok: false, message: `The map did not take the change: ${rejected[0]!.error.message}` };
  return { ok: true, applied: applied.length };
}
