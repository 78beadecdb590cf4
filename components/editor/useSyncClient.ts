"use client";
/**
 * Creates the map's sync client once per mounted editor and reads its state. The client opens a
 * stream and touches localStorage, so it only exists in the browser: the server render and the
 * first browser render show the snapshot as it came (the same objects, so nothing re-renders
 * when the live client takes over).
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { createSyncClient, type SyncClient, type SyncState } from "@/lib/sync/client";
import type { PresenceSession } from "@/lib/sync/presence-session";
import type { RoomStore } from "@/lib/sync/room";
import { docFromSnapshot, type MapSnapshot, type Role } from "@/lib/map/types";

const noSubscription = () => () => {};

/**
 * With a presence session, the client carries its batches and the session shares the client's id.
 * With a room store, the client hands it the stream's classroom events (who leads, reactions).
 * A follower (the stage, the presenter's window) edits nothing and adopts no other tab's unsent ops.
 */
export function useSyncClient(token: string, snapshot: MapSnapshot, role: Role, presence?: PresenceSession | null, room?: RoomStore | null, follower = false): { client: SyncClient | null; state: SyncState } {
  const [client, setClient] = useState<SyncClient | null>(null);

  const initialState = useMemo<SyncState>(
    () => ({
      doc: docFromSnapshot(snapshot),
      revision: snapshot.revision,
      role,
      status: "saved",
      error: null,
      connection: "connecting",
      pendingCount: 0,
      canUndo: false,
      canRedo: false,
      notices: [],
    }),
    [snapshot, role],
  );

  useEffect(() => {
    const created = createSyncClient({
      token,
      snapshot,
      role,
      follower,
      author: presence?.authorName,
      onPresence: presence ? (payload) => presence.receive(payload) : undefined,
      onRoom: room ? (name, payload) => room.receive(name, payload) : undefined,
    });
    // Attached before the stream can deliver anything, so the first batch (who is here) is not missed.
    const detach = presence?.attach(created);
    setClient(created);
    return () => {
      detach?.();
      created.dispose();
      setClient(null);
    };
  }, [token, snapshot, role, presence, room, follower]);

  const subscribe = useMemo(() => (client ? (listener: () => void) => client.subscribe(listener) : noSubscription), [client]);
  const getState = useMemo(() => (client ? () => client.getState() : () => initialState), [client, initialState]);
  const state = useSyncExternalStore(subscribe, getState, () => initialState);
  return { client, state };
}
