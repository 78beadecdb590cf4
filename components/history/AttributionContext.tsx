"use client";
/**
 * The map page's attribution store (who created and last changed each node), for the canvas's
 * hover text and the side panel. It follows the sync client's confirmed ops after one load.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import { createAttributionStore, type AttributionStore, type NodeAttribution } from "@/lib/sync/attribution";
import type { SyncClient } from "@/lib/sync/client";

const AttributionContext = createContext<AttributionStore | null>(null);
export const AttributionProvider = AttributionContext.Provider;

export function useAttributionStore(): AttributionStore | null {
  return useContext(AttributionContext);
}

/** One store per editor: loads the map's attribution once the client is live, then follows its ops. */
export function useAttribution(token: string, client: SyncClient | null): AttributionStore {
  const [store] = useState(createAttributionStore);
  useEffect(() => {
    if (!client) return;
    const stop = client.onLogged((event) => store.record(event));
    const abort = new AbortController();
    void fetch(`/api/maps/${encodeURIComponent(token)}/contributions`, { signal: abort.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { revision: number; nodes: Record<string, NodeAttribution> } | null) => body && store.load(body.revision, body.nodes))
      .catch(() => undefined);
    return () => {
      abort.abort();
      stop();
    };
  }, [client, store, token]);
  return store;
}

const noSubscription = () => () => {};

/** One node's attribution; re-renders only when that node's entry changes. */
export function useNodeAttribution(nodeId: string): NodeAttribution | undefined {
  const store = useAttributionStore();
  return useSyncExternalStore(store ? store.subscribe : noSubscription, () => store?.get(nodeId), () => undefined);
}
