/**
 * The browser side of presence: sends our own presence (throttled, plus a heartbeat) and keeps
 * everyone else's from the stream. A separate store from the document, so a moving pointer
 * re-renders only what reads presence.
 */
import { newId } from "../map/ids";
import type { Presence, PresenceBatch, PresenceUpdate } from "../map/presence";

export const SEND_INTERVAL_MS = 66; // ≈15 Hz: the server coalesces to 30 Hz anyway
/** The server drops a tab it has not heard from for 4 s (lib/server/presence.ts). */
export const HEARTBEAT_MS = 1_500;

export type OwnPresence = Omit<Presence, "clientId" | "leaving" | "role">;

export interface PresenceClient {
  getPeers(): readonly Presence[];
  subscribe(listener: () => void): () => void;
  update(patch: Partial<OwnPresence>): void;
  receive(batch: PresenceBatch): void;
  dispose(): void;
}

export interface PresenceClientOptions {
  clientId: string;
  initial: Pick<OwnPresence, "name" | "colour"> & Partial<OwnPresence>;
  /**
   * Sends one presence; the heartbeat after it is timed from when it settles. `presence` carries
   * this client's presence key: the server lets only this client speak for its id.
   */
  send(presence: PresenceUpdate, options: { leaving: boolean }): Promise<unknown> | void;
  now?: () => number;
}

export function createPresenceClient(options: PresenceClientOptions): PresenceClient {
  const now = options.now ?? Date.now;
  let own: Omit<PresenceUpdate, "key"> = { clientId: options.clientId, selection: [], pointer: null, dragging: [], editing: null, presenting: null, leaving: false, ...options.initial };
  // A secret of this client's own, made once: it proves to the server that later heartbeats (and
  // the goodbye) come from the same tab as the first.
  const key = newId();
  const peers = new Map<string, Presence>();
  let peerList: readonly Presence[] = [];
  const listeners = new Set<() => void>();
  let lastSent = 0;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeatTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const emit = () => {
    peerList = [...peers.values()];
    for (const listener of listeners) listener();
  };

  const sendNow = () => {
    clearTimeout(sendTimer);
    sendTimer = undefined;
    lastSent = now();
    armHeartbeat(options.send({ ...own, key }, { leaving: false }));
  };

  /**
   * The next heartbeat is timed from the completion of the last send (a network task), never from
   * a chain of timers: browsers slow long timer chains in background tabs to one a minute, which
   * would make a tab in the background look gone.
   */
  const armHeartbeat = (sent: Promise<unknown> | void) => {
    void Promise.resolve(sent)
      .catch(() => undefined)
      .then(() => {
        if (disposed) return;
        clearTimeout(heartbeatTimer);
        heartbeatTimer = setTimeout(beat, Math.max(0, lastSent + HEARTBEAT_MS - now()));
      });
  };

  const beat = () => {
    if (disposed || sendTimer) return;
    if (now() - lastSent >= HEARTBEAT_MS - 50) sendNow();
    else armHeartbeat(undefined);
  };

  const scheduleSend = () => {
    if (disposed || sendTimer) return;
    sendTimer = setTimeout(sendNow, Math.max(0, lastSent + SEND_INTERVAL_MS - now()));
  };

  scheduleSend();

  return {
    getPeers: () => peerList,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(patch) {
      own = { ...own, ...patch };
      scheduleSend();
    },
    receive(batch) {
      // The server says who leaves (a goodbye, a closed stream, silence): no guessing here.
      let changed = false;
      if (batch.full) {
        changed = peers.size > 0;
        peers.clear();
      }
      for (const presence of batch.peers) {
        if (presence.clientId === options.clientId) continue;
        peers.set(presence.clientId, presence);
        changed = true;
      }
      for (const id of batch.left) changed = peers.delete(id) || changed;
      if (changed) emit();
    },
    dispose() {
      disposed = true;
      clearTimeout(sendTimer);
      clearTimeout(heartbeatTimer);
      options.send({ ...own, key, leaving: true }, { leaving: true });
      listeners.clear();
    },
  };
}

/** Sends presence over HTTP; `keepalive` lets the goodbye get out as the page closes. */
export function httpPresenceSender(token: string, base = ""): PresenceClientOptions["send"] {
  return (presence, { leaving }) =>
    fetch(`${base}/api/maps/${encodeURIComponent(token)}/presence`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(presence),
      keepalive: leaving,
    }).catch(() => undefined);
}
