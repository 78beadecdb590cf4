/**
 * The seam between applying ops and delivering them: everything that must reach a map's open
 * streams in this process goes through one Broadcaster. What other instances do reaches it through
 * signals.ts and cluster.ts (ops in order through map-feed.ts, revoked links, presence).
 */
import type { LoggedOp } from "../map/ops";
import type { RoomEventName } from "../map/room/events";
import { processWide } from "./process-wide";

export type { LoggedOp };

/** A classroom event (leading.ts, reactions.ts): to everyone, or only to streams whose link may lead. */
export type RoomEvent = { kind: "room"; name: RoomEventName; payload: unknown; audience: "everyone" | "leaders" };

export type MapEvent =
  | { kind: "op"; entry: LoggedOp }
  | { kind: "presence"; payload: unknown }
  | { kind: "revoked"; linkId: string }
  | RoomEvent;

export interface Broadcaster {
  publish(mapId: string, event: MapEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(mapId: string, listener: (event: MapEvent) => void): () => void;
  listenerCount(mapId: string): number;
}

export function createInProcessBroadcaster(): Broadcaster {
  const listeners = new Map<string, Set<(event: MapEvent) => void>>();
  return {
    publish(mapId, event) {
      for (const listener of listeners.get(mapId) ?? []) {
        try {
          listener(event);
        } catch (error) {
          console.error("map event listener failed", error);
        }
      }
    },
    subscribe(mapId, listener) {
      let set = listeners.get(mapId);
      if (!set) listeners.set(mapId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(mapId) === set) listeners.delete(mapId);
      };
    },
    listenerCount(mapId) {
      return listeners.get(mapId)?.size ?? 0;
    },
  };
}

/** The single broadcaster of this process. */
export function broadcaster(): Broadcaster {
  return processWide("broadcaster", createInProcessBroadcaster);
}
