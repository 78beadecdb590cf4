/**
 * A room: a fresh map on one server with 50 SSE listeners subscribed, and the POSTs that feed it.
 * The same code drives Argumap and the baseline, so both pay the same client cost.
 */
import http from "node:http";
import { openSseListener, type SseListener } from "../sse-client";
import { Deliveries } from "./deliveries";

export const LISTENERS = 50;
export const POSTERS = 8;
export const OP_TIMEOUT_MS = 10_000;

export interface Target {
  label: string;
  port: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: POSTERS + 2 });

/** Closes the posters' kept-alive sockets (the listeners own theirs). */
export function closePostConnections(): void {
  agent.destroy();
}

export function postJson(port: number, urlPath: string, body: unknown): Promise<{ status: number; body: any }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: urlPath, method: "POST", agent, timeout: OP_TIMEOUT_MS, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`POST ${urlPath}: no answer in ${OP_TIMEOUT_MS} ms`)));
    request.on("error", reject);
    request.end(text);
  });
}

/** A fresh map on `target` with 50 listeners subscribed (proven by one op reaching them all). */
export interface Room {
  target: Target;
  token: string;
  deliveries: Deliveries;
  sent: number;
  close(): void;
}

export async function openRoom(target: Target): Promise<Room> {
  const created = await postJson(target.port, "/api/maps", { title: "Sync bench" });
  if (created.status !== 201) throw new Error(`${target.label}: create map → HTTP ${created.status} ${JSON.stringify(created.body)}`);
  const token = String(created.body.links.edit).split("/").pop()!;
  const deliveries = new Deliveries(LISTENERS);
  const listeners: SseListener[] = [];
  const room: Room = { target, token, deliveries, sent: 0, close: () => listeners.forEach((listener) => listener.close()) };
  try {
    for (let i = 0; i < LISTENERS; i++) {
      listeners.push(
        openSseListener({
          port: target.port,
          path: `/api/maps/${token}/events?since=0`,
          onOp: (revision) => deliveries.seen(revision),
        }),
      );
    }
    await Promise.all(listeners.map((listener) => listener.ready));
    if ((await timedOp(room, "warm")) === undefined) throw new Error(`${target.label}: the first op never reached all ${LISTENERS} listeners`);
    return room;
  } catch (error) {
    room.close();
    throw error;
  }
}

/** Posts `count` new `addNode` ops in one request; returns the revision the server gave each. */
export async function sendOps(room: Room, clientId: string, count: number): Promise<number[]> {
  const ops = Array.from({ length: count }, () => {
    const n = ++room.sent;
    const id = `${clientId}-${n}`;
    return { clientOpId: id, type: "addNode", node: { id, kind: "claim", text: `Claim ${n} of the sync bench`, x: (n % 50) * 220, y: Math.floor(n / 50) * 140 } };
  });
  const answer = await postJson(room.target.port, `/api/maps/${room.token}/ops`, { clientId, author: "bench", ops });
  const applied: unknown = answer.body?.applied;
  const revisions = Array.isArray(applied) ? applied.map((entry) => entry?.revision) : [];
  if (answer.status !== 200 || revisions.length !== count || !revisions.every((revision) => typeof revision === "number")) {
    throw new Error(`${room.target.label}: ops refused → HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  return revisions;
}

/** Milliseconds from sending the POST to the moment the last listener has the op. */
export async function timedOp(room: Room, clientId: string): Promise<number | undefined> {
  const start = performance.now();
  const [revision] = await sendOps(room, clientId, 1);
  const at = await room.deliveries.whenFull(revision!, OP_TIMEOUT_MS);
  return at === undefined ? undefined : at - start;
}
