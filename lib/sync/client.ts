/**
 * The browser sync client (no React): confirmed server state + our pending ops, optimistic local
 * application, sending with retry, rebase on every remote op, and per-user undo history.
 * Components read it with useSyncExternalStore(client.subscribe, client.getState).
 */
import { applyOp } from "../map/apply";
import { newId } from "../map/ids";
import { squashDiffs, type DocDiff } from "../map/diff";
import { undoOps } from "../map/inverse";
import { LIMITS } from "../map/limits";
import type { LoggedOp, Op } from "../map/ops";
import { docFromSnapshot, type MapDoc, type MapSnapshot, type Role } from "../map/types";
import { History } from "./history";
import { localPendingStore, type PendingStore } from "./pending-store";
import type { PendingOp, StreamHandlers, StreamStatus, Transport } from "./protocol";
import { rebase } from "./rebase";
import { httpTransport } from "./transport";

export type SaveStatus = "saved" | "saving" | "error" | "offline";
export type Connection = "connecting" | "connected" | "reconnecting" | "offline" | "revoked";

export interface SyncState {
  doc: MapDoc;
  revision: number;
  role: Role;
  status: SaveStatus;
  /** Why saving fails, in words a user understands; null when all is well. */
  error: string | null;
  connection: Connection;
  pendingCount: number;
  canUndo: boolean;
  canRedo: boolean;
  /** Quiet notices, e.g. "An edit to a deleted node was dropped". Newest last. */
  notices: { id: number; message: string }[];
}

export interface SyncClientOptions {
  token: string;
  snapshot: MapSnapshot;
  role: Role;
  /** The name logged with each op; a function if it can change while the map is open. */
  author?: string | (() => string);
  transport?: Transport;
  store?: PendingStore;
  /** Receives presence batches from the same stream. */
  onPresence?: (payload: unknown) => void;
  /** Receives classroom events (lib/map/room/events.ts) from the same stream. */
  onRoom?: StreamHandlers["onRoom"];
  /** Retry delays grow from this up to 30 s. */
  retryBaseMs?: number;
}

export interface SyncClient {
  readonly clientId: string;
  getState(): SyncState;
  subscribe(listener: () => void): () => void;
  /** Applies ops locally at once, records one undo step (unless history is false) and queues them. Returns false if none applied. */
  dispatch(ops: Op[], options?: { history?: boolean }): boolean;
  undo(): void;
  redo(): void;
  /** Send pending ops now instead of waiting for the next retry. */
  retryNow(): void;
  dismissNotice(id: number): void;
  dispose(): void;
}

const MAX_NOTICES = 5;

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const transport = options.transport ?? httpTransport(options.token);
  const store = options.store ?? localPendingStore(options.token);
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const saved = store.load();
  const clientId = saved?.clientId ?? newId("c");
  const history = new History();
  const authorName = () => (typeof options.author === "function" ? options.author() : (options.author ?? ""));
  const listeners = new Set<() => void>();

  let confirmed = docFromSnapshot(options.snapshot);
  let revision = options.snapshot.revision;
  let pending: PendingOp[] = [];
  let sending = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let saveError: string | null = null;
  let connection: Connection = "connecting";
  let noticeId = 0;
  let notices: SyncState["notices"] = [];
  let disposed = false;
  let state: SyncState;

  function snapshotState(doc: MapDoc): SyncState {
    const unsaved = pending.some((entry) => !entry.acked);
    const status: SaveStatus = saveError ? (connection === "offline" ? "offline" : "error") : unsaved ? "saving" : "saved";
    return { doc, revision, role: options.role, status, error: saveError, connection, pendingCount: pending.filter((e) => !e.acked).length, canUndo: history.canUndo, canRedo: history.canRedo, notices };
  }

  function emit(doc = state.doc): void {
    state = snapshotState(doc);
    for (const listener of listeners) listener();
  }

  /** Only unacknowledged ops are kept across reloads: acknowledged ones are in the server's log. */
  function persistPending(): void {
    store.save(clientId, pending.filter((entry) => !entry.acked));
  }

  function notify(message: string): void {
    notices = [...notices, { id: ++noticeId, message }].slice(-MAX_NOTICES);
  }

  /** Recomputes the local view from confirmed + pending, dropping what no longer applies. */
  function rebuild(): void {
    const result = rebase(confirmed, pending);
    if (result.dropped.length > 0) {
      pending = result.kept;
      persistPending();
      notify(result.dropped.length === 1 ? `Your change could not be applied: ${result.dropped[0]!.error.message}` : `${result.dropped.length} of your changes could not be applied: someone else changed the map.`);
    }
    emit(result.doc);
  }

  /**
   * Applies ops to the local view; returns those that applied, with the ops that undo them all
   * (derived from what they did together: their records diffs, squashed and reversed).
   */
  function applyLocally(ops: Op[]): { applied: Op[]; undo: Op[] } {
    // A revoked link can save nothing: changing the view would only pretend it did.
    if (connection === "revoked") return { applied: [], undo: [] };
    let doc = state.doc;
    const applied: Op[] = [];
    const diffs: DocDiff[] = [];
    for (const op of ops) {
      const result = applyOp(doc, op);
      if (!result.ok) continue;
      diffs.push(result.diff);
      applied.push(op);
      pending.push({ clientOpId: newId("o"), op, acked: false });
      doc = result.doc;
    }
    if (applied.length === 0) return { applied, undo: [] };
    persistPending();
    emit(doc);
    flush();
    return { applied, undo: undoOps(diffs.length === 1 ? diffs[0]! : squashDiffs(diffs)) };
  }

  function scheduleRetry(delayMs: number): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, delayMs);
  }

  async function flush(): Promise<void> {
    if (sending || disposed) return;
    const batch = pending.filter((entry) => !entry.acked).slice(0, LIMITS.opsPerRequest);
    if (batch.length === 0) return;
    sending = true;
    clearTimeout(retryTimer);
    const result = await transport.postOps({ clientId, author: authorName(), ops: batch.map((entry) => ({ ...entry.op, clientOpId: entry.clientOpId })) });
    sending = false;
    if (disposed) return;
    if (result.kind === "ok") {
      failures = 0;
      saveError = null;
      const rejected = new Map(result.response.rejected.map((r) => [r.clientOpId, r.error]));
      const ackedAt = new Map(result.response.applied.map((a) => [a.clientOpId, a.revision]));
      for (const entry of pending) if (ackedAt.has(entry.clientOpId)) entry.acked = true;
      // An op logged at or before our revision (a retry the server had already applied) is
      // already in `confirmed`: keeping it pending would apply it twice.
      pending = pending.filter((entry) => (ackedAt.get(entry.clientOpId) ?? Infinity) > revision);
      if (rejected.size > 0) {
        pending = pending.filter((entry) => !rejected.has(entry.clientOpId));
        const first = rejected.values().next().value!;
        notify(`A change was not saved: ${first.message}`);
      }
      // Without a stream, the ack is all we will hear: confirm in order what the server applied.
      confirmAcked(result.response.applied);
      persistPending();
      rebuild();
      if (pending.some((entry) => !entry.acked)) void flush();
      return;
    }
    if (result.kind === "refused") {
      // Retrying would fail the same way: drop the batch, but say so loudly.
      const ids = new Set(batch.map((entry) => entry.clientOpId));
      pending = pending.filter((entry) => !ids.has(entry.clientOpId));
      persistPending();
      saveError = result.status === 404 ? "This link no longer works, so your changes cannot be saved." : result.status === 403 ? "This link is read-only; your changes were not saved." : `Your change was refused: ${result.message}`;
      if (result.status === 404) connection = "revoked";
      rebuild();
      return;
    }
    failures += 1;
    saveError = `Not saved yet: ${result.message}. Retrying…`;
    emit();
    scheduleRetry(result.retryAfterMs ?? Math.min(30_000, retryBaseMs * 2 ** Math.min(failures - 1, 5)));
  }

  /** Ops acked at exactly the next revisions are confirmed at once; anything else waits for the stream. */
  function confirmAcked(applied: { clientOpId: string; revision: number }[]): void {
    for (const ack of [...applied].sort((a, b) => a.revision - b.revision)) {
      if (ack.revision !== revision + 1) continue;
      const entry = pending.find((e) => e.clientOpId === ack.clientOpId);
      if (!entry) continue;
      receive({ revision: ack.revision, clientId, clientOpId: ack.clientOpId, author: authorName(), op: entry.op }, false);
    }
  }

  /** One logged op from the server, in revision order. */
  function receive(event: LoggedOp, rebuildAfter = true): void {
    if (event.revision <= revision) return; // a duplicate delivery
    if (event.revision !== revision + 1) {
      // A gap: the stream will replay from our revision when it reconnects.
      reconnect();
      return;
    }
    const result = applyOp(confirmed, event.op);
    // The server validated it against the same state, so this cannot fail unless we are out of sync.
    if (result.ok) confirmed = result.doc;
    revision = event.revision;
    if (event.clientId === clientId) pending = pending.filter((entry) => entry.clientOpId !== event.clientOpId);
    if (rebuildAfter) rebuild();
  }

  let closeStream: (() => void) | undefined;
  function reconnect(): void {
    closeStream?.();
    closeStream = transport.openStream(revision, {
      onOp: (event) => receive(event),
      onPresence: (payload) => options.onPresence?.(payload),
      onRoom: (name, payload) => options.onRoom?.(name, payload),
      onStatus: (status: StreamStatus) => {
        connection = status === "open" ? "connected" : typeof navigator !== "undefined" && navigator.onLine === false ? "offline" : "reconnecting";
        if (status === "open" && pending.some((e) => !e.acked)) void flush();
        emit();
      },
      onGone: () => {
        connection = "revoked";
        saveError = "This link no longer works. It may have been revoked.";
        emit();
      },
    });
  }

  function perform(step: Op[] | undefined, onDone: (undo: Op[], redo: Op[]) => void): void {
    if (!step) return;
    const { applied, undo } = applyLocally(step);
    if (applied.length < step.length) notify("Part of that could not be undone: someone else changed the map.");
    onDone(undo, applied);
    emit();
  }

  // Ops left unsaved by an earlier visit go first, under the same client id (the server dedupes).
  pending = (saved?.pending ?? []).map((entry) => ({ ...entry, acked: false }));
  state = snapshotState(confirmed);
  if (pending.length) rebuild();
  reconnect();
  if (pending.length) void flush();

  return {
    clientId,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(ops, { history: record = true } = {}) {
      if (options.role === "view") return false;
      const { applied, undo } = applyLocally(ops);
      if (record && applied.length > 0) {
        history.record({ undo, redo: applied });
        emit();
      }
      return applied.length > 0;
    },
    undo() {
      const step = history.takeUndo();
      perform(step?.undo, (undo, redo) => history.pushRedo({ undo: redo, redo: undo }));
    },
    redo() {
      const step = history.takeRedo();
      perform(step?.redo, (undo, redo) => history.pushUndo({ undo, redo }));
    },
    retryNow() {
      failures = 0;
      void flush();
    },
    dismissNotice(id) {
      notices = notices.filter((notice) => notice.id !== id);
      emit();
    },
    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
      closeStream?.();
      listeners.clear();
    },
  };
}
