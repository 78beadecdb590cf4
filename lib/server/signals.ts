/**
 * Signals between the app instances that share one database: "map M is at revision R", "these
 * links were revoked", "these people moved their pointers", "this person leads map M". On PostgreSQL they travel by
 * LISTEN/NOTIFY on one channel, through one listening connection per instance that reconnects by
 * itself; a signal carries no document data (ops are read from the log), so a lost one costs only
 * a catch-up read, which every reconnect triggers (`resync`). On SQLite there is one process, or
 * briefly two during a rolling restart: a poll of `PRAGMA data_version` notices another process's
 * commits and triggers the same resync.
 *
 * NOTIFY payloads are limited to 8000 bytes: a longer message is cut into parts sent in one
 * statement (so in one transaction, delivered together) and put back together on arrival.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Prisma } from "../generated/prisma/client";
import type { PresenceBatch } from "../map/presence";
import type { Leader, LeadState, RoomSettings, Summon } from "../map/room/lead";
import { databaseUrl } from "../../scripts/database-url.mjs";
import { db, provider, type Db, type Tx } from "./db";
import { processWide } from "./process-wide";

export type Signal =
  | { t: "op"; m: string; r: number }
  | { t: "revoked"; m: string; l: string[] }
  /** What changed among the people connected to the sender; `a`: those who only heartbeated there. */
  | { t: "presence"; m: string; b: PresenceBatch; a?: string[] }
  /** Who leads map m now (with the link it leads from), the room's settings, and what to announce (null: a heartbeat). */
  | { t: "lead"; m: string; h: (Leader & { linkId: string }) | null; s: RoomSettings; e: LeadState | null }
  | { t: "summon"; m: string; e: Summon }
  /** Presentation session s of map m has new saved reactions, reveals or steps: read it again. */
  | { t: "reactions"; m: string; s: string };

type Received = Signal & { from: string };
export interface SignalHandlers {
  signal(signal: Received): void;
  /** Signals may have been missed: re-read what matters from the database. */
  resync(): void;
}

export const CHANNEL = "argumap";
/** Bytes of one NOTIFY payload, under PostgreSQL's 8000 with room for a part's envelope. */
const PART_BYTES = 7_000;
const RECONNECT_MS = [100, 250, 500, 1_000, 2_000, 5_000];
const SQLITE_POLL_MS = 500;

interface State {
  /** This process's id: it ignores its own presence coming back. */
  instance: string;
  handlers?: SignalHandlers;
  started: boolean;
  /** True while the listening connection is up (always on SQLite): caches may be trusted. */
  listening: boolean;
  client?: pg.Client;
  timer?: ReturnType<typeof setInterval>;
  parts: Map<string, { parts: string[]; got: number; at: number }>;
  stopped: boolean;
}

const state = processWide<State>("cluster-signals", () => ({ instance: randomBytes(6).toString("base64url"), started: false, listening: false, parts: new Map(), stopped: false }));

export const instanceId = () => state.instance;

/** Whether per-process caches may trust that no signal was missed since they were filled. */
export const signalsHealthy = () => provider() === "sqlite" || state.listening;

/** One NOTIFY payload per element: the message itself, or its parts. */
export function payloadsOf(message: string, partBytes = PART_BYTES): string[] {
  if (Buffer.byteLength(message) <= partBytes) return [message];
  const id = randomBytes(6).toString("base64url");
  const pieces: string[] = [];
  // At most 4 bytes a character: a piece of partBytes/4 characters always fits.
  const size = Math.floor(partBytes / 4);
  for (let at = 0; at < message.length; ) {
    let end = Math.min(message.length, at + size);
    // Never split a surrogate pair: each part must be valid UTF-8 on its own.
    if (end < message.length && /[\uDC00-\uDFFF]/.test(message[end]!)) end -= 1;
    pieces.push(message.slice(at, end));
    at = end;
  }
  return pieces.map((piece, i) => JSON.stringify({ part: id, i, n: pieces.length, d: piece }));
}

/** The message a payload completes, or null while parts are missing. */
export function reassemble(payload: string, parts: State["parts"], now = Date.now()): string | null {
  if (!payload.startsWith('{"part":')) return payload;
  const { part, i, n, d } = JSON.parse(payload) as { part: string; i: number; n: number; d: string };
  let entry = parts.get(part);
  if (!entry) parts.set(part, (entry = { parts: new Array<string>(n), got: 0, at: now }));
  if (entry.parts[i] === undefined) entry.got += 1;
  entry.parts[i] = d;
  if (entry.got < n) {
    for (const [key, stale] of parts) if (now - stale.at > 10_000) parts.delete(key);
    return null;
  }
  parts.delete(part);
  return entry.parts.join("");
}

const messageOf = (signal: Signal) => JSON.stringify({ ...signal, from: state.instance });

/**
 * The statement that sends `signal` when the transaction it runs in commits (PostgreSQL), or null
 * (SQLite: the other process finds out by polling). For ops and revocations, so a signal goes out
 * exactly when what it announces is visible, and never for a transaction that rolled back.
 */
export function notifyInTransaction(w: Db | Tx, signal: Signal): Prisma.PrismaPromise<unknown> | null {
  if (provider() !== "postgresql") return null;
  const calls = payloadsOf(messageOf(signal)).map((payload) => Prisma.sql`pg_notify(${CHANNEL}, ${payload})`);
  return w.$executeRaw`SELECT ${Prisma.join(calls)}`;
}

/** Sends a signal now, outside any transaction (presence). No-op on SQLite. */
export async function sendSignal(signal: Signal): Promise<void> {
  if (provider() !== "postgresql") return;
  await notifyInTransaction(await db(), signal);
}

/**
 * Starts listening (once per process) and routes what arrives to `handlers`. On PostgreSQL: a
 * dedicated connection (not a pooled one, and never through a transaction-pooling proxy: LISTEN
 * needs a session) that reconnects after any error and resyncs then.
 */
export function startSignals(handlers: SignalHandlers): void {
  state.handlers = handlers;
  if (state.started) return;
  state.started = true;
  state.stopped = false;
  if (provider() === "postgresql") void listen(0);
  else pollSqlite();
}

function deliver(payload: string): void {
  const message = reassemble(payload, state.parts);
  if (message === null) return;
  try {
    state.handlers?.signal(JSON.parse(message) as Received);
  } catch (error) {
    console.error("cluster signal failed", error);
  }
}

async function listen(attempt: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(), keepAlive: true });
  state.client = client;
  let failed = false;
  const retry = () => {
    if (failed) return;
    failed = true;
    state.listening = false;
    void client.end().catch(() => undefined);
    if (state.stopped) return;
    const wait = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]!;
    setTimeout(() => void listen(attempt + 1), wait).unref();
  };
  client.on("error", retry);
  client.on("end", retry);
  client.on("notification", (message) => message.payload !== undefined && deliver(message.payload));
  try {
    await client.connect();
    await client.query(`LISTEN "${CHANNEL}"`);
    if (state.stopped) return void client.end();
    state.listening = true;
    attempt = 0;
    // Whatever was signalled while this instance was not listening is read now.
    state.handlers?.resync();
  } catch (error) {
    if (!state.stopped) console.error(`cluster signals: cannot listen (${(error as Error).message}); retrying`);
    retry();
  }
}

/** SQLite: another process (a rolling restart) committed when the writer connection's `data_version` moves. */
function pollSqlite(): void {
  let last: number | undefined;
  let busy = false;
  state.timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      // Asked of the writer's connection: its data_version moves only when another connection
      // commits, and this process commits through it (the reader would see every own commit as news).
      const rows = await (await db()).$queryRawUnsafe<{ data_version: number | bigint }[]>("PRAGMA data_version");
      const version = Number(rows[0]?.data_version);
      // The first reading has nothing to compare with: resync then too (cheap, and safe).
      if (version !== last) state.handlers?.resync();
      last = version;
    } catch {
      // the database is being replaced (tests) or briefly busy: try at the next tick
    } finally {
      busy = false;
    }
  }, SQLITE_POLL_MS);
  state.timer.unref();
}

/** Stops listening (tests, shutdown). */
export async function stopSignals(): Promise<void> {
  state.stopped = true;
  state.started = false;
  state.listening = false;
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
  const client = state.client;
  state.client = undefined;
  await client?.end().catch(() => undefined);
}
