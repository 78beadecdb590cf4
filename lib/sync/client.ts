/**
 * The browser sync client (no React): confirmed server state + this tab's pending ops, optimistic
 * local application, sending with retry, rebase on every remote op, and per-user undo history.
 * Each tab is its own client (its own clientId and saved queue); the queue of a tab that is gone
 * is adopted by one live tab. Components read it with useSyncExternalStore(subscribe, getState).
 */
import { applyOp } from "../map/apply";
import { edgesOf } from "../map/graph";
import { newId } from "../map/ids";
import { undoOps } from "../map/inverse";
import { LIMITS } from "../map/limits";
import type { LoggedOp, Op } from "../map/ops";
import { entryOf } from "../map/records";
import { docFromSnapshot, type MapDoc, type MapSnapshot, type Role } from "../map/types";
import { History, type HistoryEntry, type HistoryStep } from "./history";
import { addNotice, keptTextOf, type KeptText, type SyncNotice } from "./notices";
import type { PendingOp, StreamHandlers, StreamStatus, Transport } from "./protocol";
import { Provenance } from "./provenance";
import { localQueueShelf, type QueueShelf, type ShelfEntry } from "./queue-shelf";
import { rebase } from "./rebase";
import { tabQueue, type TabQueue } from "./tab-queue";
import { memoryTabLocks, stampTabLocks, webTabLocks, type TabLocks } from "./tab-locks";
import { httpTransport } from "./transport";
import { describeSkips, guardStep } from "./undo-step";

export type SaveStatus = "saved" | "saving" | "error" | "offline";
export type Connection = "connecting" | "connected" | "reconnecting" | "offline" | "revoked";
export type { KeptText, SyncNotice };

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
  /** Notices, e.g. "An edit to a deleted node was dropped", some with words kept for the user. Newest last. */
  notices: SyncNotice[];
}

export interface SyncClientOptions {
  token: string;
  snapshot: MapSnapshot;
  role: Role;
  /** The name logged with each op; a function if it can change while the map is open. */
  author?: string | (() => string);
  transport?: Transport;
  /** Where this browser's tabs keep their unsent ops (default: localStorage). */
  shelf?: QueueShelf;
  /** Tells which tabs are alive (default: Web Locks). */
  locks?: TabLocks;
  /** A follower (the stage, the presenter's window) edits nothing and adopts no other tab's queue. */
  follower?: boolean;
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
  /**
   * A node I just added and left empty goes again, with the undo step that added it (so there is
   * nothing to undo). Returns false, doing nothing, unless my last undo step added this node.
   */
  retractNewNode(nodeId: string): boolean;
  /** Every op the server logs, in revision order, as this client confirms it. */
  onLogged(listener: (event: LoggedOp) => void): () => void;
  /** A notice from the editor, e.g. words typed into a node someone deleted. */
  notify(message: string, kept?: KeptText): void;
  /** The name logged with the last op this tab saw naming the record. */
  lastAuthorOf(kind: "node" | "link" | "source", id: string): string | undefined;
  /** Send pending ops now instead of waiting for the next retry. */
  retryNow(): void;
  dismissNotice(id: number): void;
  dispose(): void;
}

const nameOf = (author: string) => author.trim() || "Someone";

export function createSyncClient(options: SyncClientOptions): SyncClient {
  // Never reused, not even by a reload of the same tab: a tab's queue is its own, and what a
  // closed or reloaded tab left unsent is adopted under its own id (see orphan-queues.ts).
  const clientId = newId("c");
  const transport = options.transport ?? httpTransport(options.token, "", clientId);
  const canWrite = options.role !== "view" && !options.follower;
  const shelf = options.shelf ?? localQueueShelf(options.token);
  const locks = options.locks ?? webTabLocks() ?? (typeof localStorage === "undefined" ? memoryTabLocks() : stampTabLocks(localStorage));
  const retryBaseMs = options.retryBaseMs ?? 1_000;
  const history = new History();
  const provenance = new Provenance();
  const authorName = () => (typeof options.author === "function" ? options.author() : (options.author ?? ""));
  const listeners = new Set<() => void>();
  const loggedListeners = new Set<(event: LoggedOp) => void>();
  const origin = (entry: PendingOp) => entry.clientId ?? clientId;

  let confirmed = docFromSnapshot(options.snapshot);
  let revision = options.snapshot.revision;
  let pending: PendingOp[] = [];
  let sending = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let saveError: string | null = null;
  let connection: Connection = "connecting";
  let noticeId = 0;
  let notices: SyncNotice[] = [];
  let disposed = false;
  let queue: TabQueue | null = null;
  let state: SyncState;

  function snapshotState(doc: MapDoc): SyncState {
    const unsent = pending.filter((entry) => !entry.acked).length;
    const status: SaveStatus = saveError ? (connection === "offline" ? "offline" : "error") : unsent > 0 ? "saving" : "saved";
    return { doc, revision, role: options.role, status, error: saveError, connection, pendingCount: unsent, canUndo: history.canUndo, canRedo: history.canRedo, notices };
  }

  function emit(doc = state.doc): void {
    state = snapshotState(doc);
    for (const listener of listeners) listener();
  }

  /**
   * Only unacknowledged ops are kept across reloads (acknowledged ones are in the server's log),
   * and the notices that hold someone's words: a reload must not lose those either.
   */
  function persistPending(): void {
    queue?.save();
  }

  function notify(message: string, kept?: KeptText): void {
    notices = addNotice(notices, { id: ++noticeId, message, ...(kept ? { kept } : {}) });
    if (kept) persistPending();
  }

  /** Tells the user about ops of theirs that will not apply, keeping any words they typed. */
  function reportLost(lost: { op: Op; message: string }[], seenIn: MapDoc, fromAnotherTab: boolean): void {
    const plain: string[] = [];
    for (const { op, message } of lost) {
      const kept = keptTextOf(op, seenIn);
      if (!kept) {
        plain.push(message);
        continue;
      }
      const deleter = provenance.lastAuthor("node", kept.nodeId);
      const why = entryOf(confirmed.nodes, kept.nodeId) ? message : `${deleter ? nameOf(deleter) : "Someone"} deleted this node while you were editing it.`;
      notify(`${fromAnotherTab ? "A change made in a tab that is now closed was not saved: " : ""}${why} Your text is kept here.`, kept);
    }
    if (plain.length === 1) notify(`${fromAnotherTab ? "A change from a closed tab" : "Your change"} could not be applied: ${plain[0]}`);
    else if (plain.length > 1) notify(`${plain.length} of your changes could not be applied: someone else changed the map.`);
  }

  /** Recomputes the local view from confirmed + pending, dropping what no longer applies. */
  function rebuild(): void {
    const seen = state.doc;
    const result = rebase(confirmed, pending);
    if (result.dropped.length > 0) {
      pending = result.kept;
      persistPending();
      reportLost(result.dropped.map(({ op, error }) => ({ op: op.op, message: error.message })), seen, result.dropped.every((d) => d.op.clientId !== undefined));
    }
    emit(result.doc);
  }

  /**
   * Applies ops to the local view and queues them; returns each applied op with the ops that undo
   * it (its records diff reversed). Undo takes a step back op by op, last first, each checked
   * against what others did since (undo-guard.ts).
   */
  function applyLocally(ops: readonly Op[]): HistoryEntry[] {
    // A revoked link can save nothing: changing the view would only pretend it did.
    if (connection === "revoked") return [];
    let doc = state.doc;
    const entries: HistoryEntry[] = [];
    for (const op of ops) {
      const result = applyOp(doc, op);
      if (!result.ok) continue;
      const clientOpId = newId("o");
      entries.push({ clientOpId, op, inverse: undoOps(result.diff) });
      pending.push({ clientOpId, op, acked: false });
      doc = result.doc;
    }
    if (entries.length > 0) {
      persistPending();
      emit(doc);
      void flush();
    }
    return entries;
  }

  function scheduleRetry(delayMs: number): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, delayMs);
  }

  /** The next ops to send: the oldest unsent, all made by the same tab (each tab's ops go under its own id). */
  function nextBatch(): PendingOp[] {
    const unsent = pending.filter((entry) => !entry.acked);
    const first = unsent[0];
    if (!first) return [];
    const batch: PendingOp[] = [];
    for (const entry of unsent) {
      if (origin(entry) !== origin(first) || batch.length === LIMITS.opsPerRequest) break;
      batch.push(entry);
    }
    return batch;
  }

  async function flush(): Promise<void> {
    if (sending || disposed) return;
    const batch = nextBatch();
    if (batch.length === 0) return;
    sending = true;
    clearTimeout(retryTimer);
    const sentAs = origin(batch[0]!);
    const inBatch = new Set(batch);
    const result = await transport.postOps({ clientId: sentAs, author: authorName(), ops: batch.map((entry) => ({ ...entry.op, clientOpId: entry.clientOpId })) });
    sending = false;
    if (disposed) return;
    if (result.kind === "ok") {
      failures = 0;
      saveError = null;
      const rejected = new Map(result.response.rejected.map((r) => [r.clientOpId, r.error]));
      const ackedAt = new Map(result.response.applied.map((a) => [a.clientOpId, a.revision]));
      for (const entry of batch) if (ackedAt.has(entry.clientOpId)) entry.acked = true;
      // An op logged at or before our revision (a retry the server had already applied) is
      // already in `confirmed`: keeping it pending would apply it twice.
      pending = pending.filter((entry) => !inBatch.has(entry) || (ackedAt.get(entry.clientOpId) ?? Infinity) > revision);
      if (rejected.size > 0) {
        const lost = batch.filter((entry) => rejected.has(entry.clientOpId));
        pending = pending.filter((entry) => !lost.includes(entry));
        const seen = state.doc;
        reportLost(lost.map((entry) => ({ op: entry.op, message: rejected.get(entry.clientOpId)!.message })), seen, sentAs !== clientId);
      }
      // Without a stream, the ack is all we will hear: confirm in order what the server applied.
      confirmAcked(batch, result.response.applied, sentAs);
      persistPending();
      rebuild();
      if (pending.some((entry) => !entry.acked)) void flush();
      return;
    }
    if (result.kind === "refused") {
      // Retrying would fail the same way: drop the batch, but say so loudly.
      pending = pending.filter((entry) => !inBatch.has(entry));
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
  function confirmAcked(batch: PendingOp[], applied: { clientOpId: string; revision: number }[], sentAs: string): void {
    for (const ack of [...applied].sort((a, b) => a.revision - b.revision)) {
      if (ack.revision !== revision + 1) continue;
      const entry = batch.find((e) => e.clientOpId === ack.clientOpId);
      if (!entry || !pending.includes(entry)) continue;
      receive({ revision: ack.revision, clientId: sentAs, clientOpId: ack.clientOpId, author: authorName(), op: entry.op }, false);
    }
  }

  /** Someone replaced text that I wrote, having started from something else: they had not seen mine. */
  function noticeOverwrite(event: LoggedOp): void {
    const { op } = event;
    if (op.type !== "updateNode" || op.patch.text === undefined || op.base?.text === undefined || event.clientId === clientId) return;
    const node = entryOf(confirmed.nodes, op.id);
    if (!node || op.base.text === node.text || op.patch.text === node.text || !node.text.trim()) return;
    if (provenance.textWriter(op.id) !== clientId) return;
    notify(`${nameOf(event.author)} changed this while you were typing.`, { nodeId: op.id, text: node.text, node, links: edgesOf(confirmed, op.id) });
  }

  /** One logged op from the server, in revision order. */
  function receive(event: LoggedOp, rebuildAfter = true): void {
    if (event.revision <= revision) return; // a duplicate delivery
    if (event.revision !== revision + 1) {
      // A gap: the stream will replay from our revision when it reconnects.
      reconnect();
      return;
    }
    noticeOverwrite(event);
    if (event.clientId === clientId) history.confirm(event.clientOpId, event.op, confirmed);
    const result = applyOp(confirmed, event.op);
    // The server validated it against the same state, so this cannot fail unless we are out of sync.
    if (result.ok) confirmed = result.doc;
    revision = event.revision;
    provenance.record(event);
    pending = pending.filter((entry) => !(entry.clientOpId === event.clientOpId && origin(entry) === event.clientId));
    for (const listener of loggedListeners) listener(event);
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

  /** Undo or redo one step: only what still shows my change is taken back, the rest is named. */
  function replay(step: HistoryStep | undefined, keep: (entries: HistoryEntry[]) => void): void {
    if (!step) return;
    const { ops, skipped } = guardStep(state.doc, step);
    const entries = applyLocally(ops);
    if (skipped.length > 0) notify(describeSkips(skipped, state.doc, (kind, id) => provenance.lastAuthor(kind, id)));
    else if (entries.length < ops.length) notify("Part of that could not be undone: someone else changed the map.");
    keep(entries);
    emit();
  }

  /** Takes the queue (and kept words) of a tab that is gone into this one, each op under its own client id. */
  function adopt(owner: string, orphan: ShelfEntry): void {
    const known = new Set(pending.map((entry) => `${origin(entry)} ${entry.clientOpId}`));
    for (const entry of orphan.pending) {
      const from = entry.clientId ?? owner;
      if (!known.has(`${from} ${entry.clientOpId}`)) pending.push({ clientOpId: entry.clientOpId, op: entry.op, acked: false, clientId: from });
    }
    for (const notice of orphan.kept) notices = addNotice(notices, { ...notice, id: ++noticeId });
    persistPending();
    rebuild();
    void flush();
  }

  state = snapshotState(confirmed);
  reconnect();
  if (canWrite) {
    const current = () => ({ pending: pending.filter((entry) => !entry.acked), kept: notices.filter((notice) => notice.kept) });
    queue = tabQueue({ shelf, locks, clientId, current, adopt });
  }

  return {
    clientId,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(ops, { history: record = true } = {}) {
      if (!canWrite) return false;
      const entries = applyLocally(ops);
      if (record && entries.length > 0) {
        history.record(entries);
        emit();
      }
      return entries.length > 0;
    },
    undo() {
      replay(history.takeUndo(), (entries) => history.pushRedo(entries));
    },
    redo() {
      replay(history.takeRedo(), (entries) => history.pushUndo(entries));
    },
    retractNewNode(nodeId) {
      const node = entryOf(state.doc.nodes, nodeId);
      if (!node || node.text.trim()) return false;
      const added = (step: HistoryStep) => step.some((entry) => entry.op.type === "addNode" && entry.op.node.id === nodeId);
      if (!history.retractLast(added)) return false;
      applyLocally([{ type: "deleteNodes", ids: [nodeId] }]);
      emit();
      return true;
    },
    onLogged(listener) {
      loggedListeners.add(listener);
      return () => loggedListeners.delete(listener);
    },
    notify(message, kept) {
      notify(message, kept);
      emit();
    },
    lastAuthorOf: (kind, id) => provenance.lastAuthor(kind, id),
    retryNow() {
      failures = 0;
      void flush();
    },
    dismissNotice(id) {
      const dismissed = notices.find((notice) => notice.id === id);
      notices = notices.filter((notice) => notice !== dismissed);
      if (dismissed?.kept) persistPending();
      emit();
    },
    dispose() {
      disposed = true;
      clearTimeout(retryTimer);
      closeStream?.();
      // What is unsent stays saved: with the lock let go, a live tab (or this one, reloaded) adopts it.
      queue?.dispose();
      listeners.clear();
      loggedListeners.clear();
    },
  };
}
