/**
 * Step changes to a room of followers: a leader posts each new step and every one of FOLLOWERS
 * event streams must have it. On Argumap that is POST /lead → a `lead` event; on the bare
 * node:http baseline, POST /ops → an `op` event: the same POST → fan-out round trip, the least a
 * server can do. Optionally every follower also sends presence heartbeats, as phones in a real
 * room do, so the step changes compete with that traffic.
 */
import http from "node:http";
import { HEARTBEAT_MS } from "../../lib/sync/presence-client";
import { postJson, type Target } from "../sync/rooms";
import { openEventListener, type EventListener } from "./frames";

export const FOLLOWERS = 200;
export const STEPS = 120;
const WARMUP_STEPS = 10;
const STEP_TIMEOUT_MS = 10_000;
export { HEARTBEAT_MS };

interface Fanout {
  /** Resolves with the time the last follower had this key. */
  expect(key: string): Promise<number | undefined>;
  close(): void;
}

/** Counts, per key (a step or a revision), how many followers have it, and when the last one did. */
function fanout(listeners: EventListener[], register: (seen: (key: string) => void) => void): Fanout {
  const counts = new Map<string, number>();
  const waiting = new Map<string, (at: number) => void>();
  register((key) => {
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count === FOLLOWERS) waiting.get(key)?.(performance.now());
  });
  return {
    expect(key) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), STEP_TIMEOUT_MS);
        waiting.set(key, (at) => {
          clearTimeout(timer);
          waiting.delete(key);
          resolve(at);
        });
      });
    },
    close: () => listeners.forEach((listener) => listener.close()),
  };
}

const created = async (target: Target) => {
  const answer = await postJson(target.port, "/api/maps", { title: "Classroom bench" });
  if (answer.status !== 201) throw new Error(`${target.label}: create map → HTTP ${answer.status}`);
  const tokenOf = (url: string) => String(url).split("/m/")[1]!;
  return { owner: tokenOf(answer.body.links.owner), view: tokenOf(answer.body.links.view) };
};

async function openFollowers(target: Target, token: string, onFrame: (event: string, data: string, id: string | null) => void): Promise<EventListener[]> {
  const listeners: EventListener[] = [];
  for (let i = 0; i < FOLLOWERS; i++) listeners.push(openEventListener(target.port, `/api/maps/${token}/events?since=0`, onFrame));
  await Promise.all(listeners.map((listener) => listener.ready));
  return listeners;
}

/** Heartbeats from every follower, spread over the interval; returns the way to stop them. */
function heartbeats(target: Target, token: string): () => void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const timers: ReturnType<typeof setTimeout>[] = [];
  for (let i = 0; i < FOLLOWERS; i++) {
    const body = JSON.stringify({ clientId: `follower-${i}`, key: `follower-${i}-tab-secret`, name: `Follower ${i}`, colour: "#0369a1" });
    const beat = () => {
      const request = http.request({ host: "127.0.0.1", port: target.port, path: `/api/maps/${token}/presence`, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => response.resume());
      request.on("error", () => undefined);
      request.end(body);
    };
    timers.push(setTimeout(function again() {
      beat();
      timers[i] = setTimeout(again, HEARTBEAT_MS);
    }, (i * HEARTBEAT_MS) / FOLLOWERS));
  }
  return () => {
    timers.forEach(clearTimeout);
    agent.destroy();
  };
}

/** Milliseconds from each step's POST until all FOLLOWERS streams have it, on Argumap. */
export async function argumapStepTimes(target: Target, withPresence: boolean): Promise<number[]> {
  const { owner, view } = await created(target);
  let seen: (key: string) => void = () => undefined;
  const listeners = await openFollowers(target, view, (event, data) => {
    if (event !== "lead") return;
    const step = (JSON.parse(data) as { leader: { step: number } | null }).leader?.step;
    if (step !== undefined) seen(`step-${step}`);
  });
  const room = fanout(listeners, (register) => (seen = register));
  const stopHeartbeats = withPresence ? heartbeats(target, view) : () => undefined;
  const lead = (step: number, take: boolean) => postJson(target.port, `/api/maps/${owner}/lead`, { clientId: "bench-stage", name: "Bench", colour: "#0369a1", step, count: STEPS + WARMUP_STEPS + 2, take });
  try {
    const first = room.expect("step-0");
    if ((await lead(0, true)).status !== 200) throw new Error(`${target.label}: the owner could not lead`);
    if ((await first) === undefined) throw new Error(`${target.label}: the first step never reached all ${FOLLOWERS} followers`);
    return await timeSteps((step) => {
      const arrived = room.expect(`step-${step}`);
      const start = performance.now();
      return lead(step, false).then(async (answer) => {
        if (answer.status !== 200) throw new Error(`${target.label}: step ${step} → HTTP ${answer.status}`);
        const at = await arrived;
        return at === undefined ? undefined : at - start;
      });
    });
  } finally {
    stopHeartbeats();
    room.close();
  }
}

/** The same on the bare baseline: a one-op POST, and every stream's `op` frame. */
export async function baselineStepTimes(target: Target): Promise<number[]> {
  const { owner, view } = await created(target);
  let seen: (key: string) => void = () => undefined;
  const listeners = await openFollowers(target, view, (event, _data, id) => {
    if (event === "op" && id !== null) seen(`op-${id}`);
  });
  const room = fanout(listeners, (register) => (seen = register));
  let revision = 0;
  try {
    return await timeSteps(() => {
      const arrived = room.expect(`op-${++revision}`);
      const start = performance.now();
      return postJson(target.port, `/api/maps/${owner}/ops`, { clientId: "bench-stage", ops: [{ clientOpId: `s${revision}`, type: "step" }] }).then(async () => {
        const at = await arrived;
        return at === undefined ? undefined : at - start;
      });
    });
  } finally {
    room.close();
  }
}

/** Runs the warm-up steps, then STEPS timed ones one after another, a short pause between (a presenter clicks, not a loop). */
async function timeSteps(step: (index: number) => Promise<number | undefined>): Promise<number[]> {
  const times: number[] = [];
  let lost = 0;
  for (let index = 1; index <= WARMUP_STEPS + STEPS; index++) {
    const ms = await step(index);
    if (ms === undefined) lost++;
    else if (index > WARMUP_STEPS) times.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (lost > 0) console.error(`classroom: ${lost} step changes never reached every follower within ${STEP_TIMEOUT_MS} ms`);
  if (times.length < STEPS / 2) throw new Error(`classroom: only ${times.length} of ${STEPS} step changes reached every follower`);
  return times;
}
