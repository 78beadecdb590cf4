"use client";
/**
 * The map page's room store (lib/sync/room.ts) for the components that show who leads, follow
 * them, react, or run the room. One store per page, fed by that page's sync client.
 */
import { createContext, useContext, useState, useSyncExternalStore } from "react";
import { createRoomStore, EMPTY_ROOM, type RoomState, type RoomStore } from "@/lib/sync/room";

const RoomContext = createContext<RoomStore | null>(null);

export const RoomProvider = RoomContext.Provider;

export function useRoomStore(): RoomStore | null {
  return useContext(RoomContext);
}

/** A store for this page, made once. */
export function useNewRoomStore(): RoomStore {
  const [store] = useState(createRoomStore);
  return store;
}

const noSubscription = () => () => {};

/** The room's state; the component re-renders when the room changes (not on ops or pointers). */
export function useRoom(explicit?: RoomStore | null): RoomState {
  const fromContext = useRoomStore();
  const store = explicit === undefined ? fromContext : explicit;
  return useSyncExternalStore(store ? store.subscribe : noSubscription, store ? store.getState : () => EMPTY_ROOM, () => EMPTY_ROOM);
}
