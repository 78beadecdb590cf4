/**
 * The browser side of presence: sends our own presence (throttled, plus a heartbeat) and keeps
 * everyone else's from the stream. A separate store from the document, so a moving pointer
 * re-renders only what reads presence.
 */
import { newId } from "../map/ids";
import type { Presence, PresenceBatch, PresenceUpdate } from "../map/presence";

export const SEND_INTERVAL_MS = 66; // ≈15 Hz: the server coalesces to 30 Hz anyway
export const HEARTBEAT_MS = 10_000;
const PEER_TTL_MS = 35_000;

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
  /** `presence` carries this client's presence key: the server lets only this client speak for its id. */
  send(presence: PresenceUpdate, options: { leaving: boolean }): void;
  now?: () => number;
}

export function createPresenceClient(options: PresenceClientOptions): PresenceClient {
  const now = options.now ?? Date.now;
  let own: Omit<PresenceUpdate, "key"> = { clientId: options.clientId, selection: [], pointer: null, dragging: [], editing: null, presenting: null, leaving: false, ...options.initial };
  // A secret of this client's own, made once: it proves to the server that later heartbeats (and
  // the goodbye) come from the same tab as the first.
  const key = newId();
  const peers = new Map<string, { presence: Presence; seenAt: number }>();
  let peerList: readonly Presence[] = [];
  const listeners = new Set<() => void>();
  let lastSent = 0;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const emit = () => {
    peerList = [...peers.values()].map((peer) => peer.presence);
    for (const listener of listeners) listener();
  };

  const sendNow = () => {
    sendTimer = undefined;
    lastSent = now();
    options.send({ ...own, key }, { leaving: false });
  };

  const scheduleSend = () => {
    if (disposed || sendTimer) return;
    sendTimer = setTimeout(sendNow, Math.max(0, lastSent + SEND_INTERVAL_MS - now()));
  };

  const heartbeat = setInterval(() => {
    if (now() - lastSent >= HEARTBEAT_MS - 50) scheduleSend();
    let expired = false;
    for (const [id, peer] of peers) {
      if (now() - peer.seenAt > PEER_TTL_MS) {
        peers.delete(id);
        expired = true;
      }
    }
    if (expired) emit();
  }, HEARTBEAT_MS);

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
      let changed = false;
      for (const presence of batch.peers) {
        if (presence.clientId === options.clientId) continue;
        peers.set(presence.clientId, { presence, seenAt: now() });
        changed = true;
      }
      for (const id of batch.left) changed = peers.delete(id) || changed;
      if (changed) emit();
    },
    dispose() {
      disposed = true;
      clearTimeout(sendTimer);
      clearInterval(heartbeat);
      options.send({ ...own, key, leaving: true }, { leaving: true });
      listeners.clear();
    },
  };
}

/** Sends presence over HTTP; `keepalive` lets the goodbye get out as the page closes. */
export function httpPresenceSender(token: string, base = ""): PresenceClientOptions["send"] {
  return (presence, { leaving }) => {
    void fetch(`${base}/api/maps/${encodeURIComponent(token)}/presence`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(presence),
      keepalive: leaving,
    }).catch(() => undefined);
  };
}
