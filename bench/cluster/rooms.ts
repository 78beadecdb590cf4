/**
 * A room spread over instances: a map created on one, listeners on any of them, posts through any.
 * The same client code as bench/sync/rooms.ts (its SSE reader and delivery counter).
 */
import { openSseListener, type SseListener } from "../sse-client";
import { Deliveries } from "../sync/deliveries";
import { OP_TIMEOUT_MS, postJson } from "../sync/rooms";

export interface SpreadRoom {
  token: string;
  deliveries: Deliveries;
  sent: number;
  close(): void;
}

/** `listenOn` lists the port of each listener (e.g. 25 on one instance and 25 on the other). */
export async function openSpreadRoom(createOn: number, listenOn: number[], nodes = 0): Promise<SpreadRoom> {
  const created = await postJson(createOn, "/api/maps", { title: "Cluster bench" });
  if (created.status !== 201) throw new Error(`create map → HTTP ${created.status}`);
  const token = String(created.body.links.edit).split("/").pop()!;
  const deliveries = new Deliveries(listenOn.length);
  const listeners: SseListener[] = [];
  const room: SpreadRoom = { token, deliveries, sent: 0, close: () => listeners.forEach((listener) => listener.close()) };
  try {
    if (nodes > 0) {
      const ops = Array.from({ length: nodes }, (_, i) => ({ clientOpId: `seed-${i}`, type: "addNode", node: { id: `n${i}`, kind: "claim", text: `Claim ${i}`, x: i * 10, y: 0 } }));
      const seeded = await postJson(createOn, `/api/maps/${token}/ops`, { clientId: "seed", ops });
      if (seeded.status !== 200) throw new Error(`seed → HTTP ${seeded.status}`);
      room.sent = nodes;
    }
    for (const port of listenOn) listeners.push(openSseListener({ port, path: `/api/maps/${token}/events?since=${nodes}`, onOp: (revision) => deliveries.seen(revision) }));
    await Promise.all(listeners.map((listener) => listener.ready));
    if ((await timedMove(room, createOn, "warm")) === undefined) throw new Error(`the first op never reached all ${listenOn.length} listeners`);
    return room;
  } catch (error) {
    room.close();
    throw error;
  }
}

let moveCounter = 0;

/** Posts `count` moveNodes ops (a map that does not grow, however long the run) through `port`. */
export async function sendMoves(room: SpreadRoom, port: number, clientId: string, count: number, nodes = 1): Promise<number[]> {
  const ops = Array.from({ length: count }, () => {
    const n = ++moveCounter;
    room.sent++;
    return { clientOpId: `${clientId}-${n}`, type: "moveNodes", moves: [{ id: `n${n % nodes}`, x: n % 997, y: n % 991 }] };
  });
  const answer = await postJson(port, `/api/maps/${room.token}/ops`, { clientId, author: "bench", ops });
  const revisions = Array.isArray(answer.body?.applied) ? answer.body.applied.map((entry: { revision: number }) => entry.revision) : [];
  if (answer.status !== 200 || revisions.length !== count) throw new Error(`ops refused → HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  return revisions;
}

export async function timedMove(room: SpreadRoom, port: number, clientId: string): Promise<number | undefined> {
  const start = performance.now();
  const [revision] = await sendMoves(room, port, clientId, 1);
  const at = await room.deliveries.whenFull(revision!, OP_TIMEOUT_MS);
  return at === undefined ? undefined : at - start;
}
