/**
 * One map page's presence, with no React: who I am (name and colour, kept in the browser), what
 * I show the others (selection, pointer, drag, the node I am typing in) and what they show me.
 * It rides on the sync client: same client id, same event stream (the sync client hands each
 * presence batch to receive()), and it re-announces itself when the stream reconnects.
 */
import type { Presence, PresenceBatch } from "../map/presence";
import type { SyncClient } from "./client";
import { loadIdentity, saveName, sessionColour, type Identity } from "./identity";
import { createPresenceClient, httpPresenceSender, type OwnPresence, type PresenceClient, type PresenceClientOptions } from "./presence-client";
import { NO_DRAGS, NO_MARKS, NO_PEERS, ownTabs, remoteDrags, remoteNodeMarks, rosterOf, type PeerTag } from "./presence-view";

/** How long a dropped drag keeps streaming its final place while the move op is being saved. */
const RELEASE_TIMEOUT_MS = 5_000;
/** One shared empty list: readers compare by identity, so "nobody" must not be a new array each time. */
const NOBODY: readonly Presence[] = Object.freeze([]);

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">;
type Point = { x: number; y: number };

export interface PresenceSessionOptions {
  token: string;
  storage?: Storage | null;
  send?: PresenceClientOptions["send"];
}

export interface PresenceSession {
  /** Null until attached in the browser. */
  getSelf(): Identity | null;
  getPeers(): readonly Presence[];
  getRoster(): readonly PeerTag[];
  /** How many of my tabs are on this map, this one included. */
  getOwnTabs(): number;
  getRemoteMarks(): ReturnType<typeof remoteNodeMarks>;
  getRemoteDrags(): ReturnType<typeof remoteDrags>;
  /** Called on any change of peers or of my identity. */
  subscribe(listener: () => void): () => void;
  /** A presence batch from the event stream. */
  receive(payload: unknown): void;
  /** Starts presence for this sync client (its client id, its stream); returns the way to stop (which says goodbye). */
  attach(client: SyncClient): () => void;
  authorName(): string;
  setName(name: string): void;
  setSelection(nodeIds: readonly string[]): void;
  /** Typing in a node's text, in place on the canvas or in the side panel. */
  setEditing(where: "canvas" | "panel", nodeId: string | null): void;
  setPointer(point: Point | null): void;
  setDragging(moves: readonly { id: string; x: number; y: number }[]): void;
  /** The drop: others keep seeing the nodes at their final place until the move op is saved, so they never jump back. */
  endDrag(): void;
}

const isBatch = (payload: unknown): payload is PresenceBatch =>
  typeof payload === "object" && payload !== null && Array.isArray((payload as PresenceBatch).peers) && Array.isArray((payload as PresenceBatch).left);

export function createPresenceSession(options: PresenceSessionOptions): PresenceSession {
  const listeners = new Set<() => void>();
  let self: Identity | null = null;
  /** The browser's own colour; `self.colour` is what this session shows (see sessionColour). */
  let preferredColour = "";
  let presence: PresenceClient | null = null;
  let own: Omit<OwnPresence, "name" | "colour"> = { selection: [], pointer: null, dragging: [], editing: null, presenting: null };
  const editing = { canvas: null as string | null, panel: null as string | null };
  let early: PresenceBatch[] = [];
  let attached: SyncClient | null = null;
  let stopRelease = () => {};
  const storage = () => (options.storage !== undefined ? options.storage : typeof localStorage === "undefined" ? null : localStorage);

  let derivedFrom: readonly Presence[] = [];
  let roster = NO_PEERS;
  let tabs = 1;
  let marks = NO_MARKS;
  let drags = NO_DRAGS;
  const derive = () => {
    const peers = presence?.getPeers() ?? NOBODY;
    if (peers === derivedFrom) return;
    derivedFrom = peers;
    roster = rosterOf(peers, roster, self?.personId ?? null);
    tabs = ownTabs(peers, self?.personId ?? null);
    marks = remoteNodeMarks(peers, marks);
    drags = remoteDrags(peers, drags);
  };
  const emit = () => {
    for (const listener of listeners) listener();
  };

  const update = (patch: Partial<OwnPresence>) => {
    own = { ...own, ...patch };
    presence?.update(patch);
  };

  return {
    getSelf: () => self,
    getPeers: () => presence?.getPeers() ?? NOBODY,
    getRoster: () => (derive(), roster),
    getOwnTabs: () => (derive(), tabs),
    getRemoteMarks: () => (derive(), marks),
    getRemoteDrags: () => (derive(), drags),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    receive(payload) {
      if (!isBatch(payload)) return;
      if (presence) presence.receive(payload);
      else early.push(payload);
    },
    attach(client) {
      attached = client;
      if (!self) {
        self = loadIdentity(storage());
        preferredColour = self.colour;
      }
      const send = options.send ?? httpPresenceSender(options.token);
      let unsubscribePeers = () => {};
      const start = () => {
        if (presence || !self) return;
        presence = createPresenceClient({ clientId: client.clientId, initial: { ...own, name: self.name, colour: self.colour, personId: self.personId }, send });
        const current = presence;
        unsubscribePeers = current.subscribe(() => {
          const colour = sessionColour(preferredColour, client.clientId, current.getPeers(), self?.personId);
          if (self && colour !== self.colour) {
            self = { ...self, colour };
            current.update({ colour });
          }
          emit();
        });
        for (const batch of early.splice(0)) presence.receive(batch);
        emit();
      };
      const stop = () => {
        stopRelease();
        unsubscribePeers();
        presence?.dispose();
        presence = null;
        emit();
      };
      let connection = client.getState().connection;
      const unsubscribeClient = client.subscribe(() => {
        const next = client.getState().connection;
        if (next === connection) return;
        connection = next;
        if (next === "revoked") stop();
        // Back on the stream: tell the others at once rather than at the next heartbeat.
        else if (next === "connected") presence?.update({});
      });
      // A closing tab says goodbye; one restored from the back-forward cache comes back.
      const onPageHide = () => stop();
      const onPageShow = (event: PageTransitionEvent) => event.persisted && client.getState().connection !== "revoked" && start();
      globalThis.addEventListener?.("pagehide", onPageHide);
      globalThis.addEventListener?.("pageshow", onPageShow);
      start();
      return () => {
        globalThis.removeEventListener?.("pagehide", onPageHide);
        globalThis.removeEventListener?.("pageshow", onPageShow);
        unsubscribeClient();
        early = [];
        attached = null;
        stop();
      };
    },
    authorName: () => self?.name ?? "",
    setName(name) {
      if (!self) return;
      self = saveName(storage(), self, name);
      presence?.update({ name: self.name });
      emit();
    },
    setSelection(nodeIds) {
      const same = nodeIds.length === own.selection.length && nodeIds.every((id, i) => id === own.selection[i]);
      if (!same) update({ selection: [...nodeIds] });
    },
    setEditing(where, nodeId) {
      editing[where] = nodeId;
      const next = editing.canvas ?? editing.panel;
      if (next !== own.editing) update({ editing: next });
    },
    setPointer(point) {
      if (point === null && own.pointer === null) return;
      update({ pointer: point && { x: Math.round(point.x), y: Math.round(point.y) } });
    },
    setDragging(moves) {
      stopRelease();
      update({ dragging: moves.map(({ id, x, y }) => ({ id, x: Math.round(x), y: Math.round(y) })) });
    },
    endDrag() {
      stopRelease();
      if (own.dragging.length === 0) return;
      const client = attached;
      const release = () => {
        stopRelease();
        update({ dragging: [] });
      };
      // The move op was dispatched just before: once the server has acknowledged it, it has
      // also gone out on the stream ahead of the presence that clears the drag.
      if (!client || client.getState().pendingCount === 0) return release();
      const unsubscribe = client.subscribe(() => client.getState().pendingCount === 0 && release());
      const timer = setTimeout(release, RELEASE_TIMEOUT_MS);
      stopRelease = () => {
        unsubscribe();
        clearTimeout(timer);
        stopRelease = () => {};
      };
    },
  };
}
