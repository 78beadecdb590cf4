/**
 * Who created each node and who last changed what it says, kept current without React: loaded
 * once from `GET /api/maps/:token/contributions`, then updated from every op the sync client
 * confirms (an op carries its author). Moves are not changes of what a node says.
 */
import type { LoggedOp } from "../map/ops";

export interface NodeAttribution {
  createdBy: string;
  createdAt: string;
  changedBy: string;
  changedAt: string;
}

export interface AttributionStore {
  get(nodeId: string): NodeAttribution | undefined;
  subscribe(listener: () => void): () => void;
  /** Takes one logged op into account (call in revision order). */
  record(event: LoggedOp, at?: string): void;
  /** Merges what the server knew at `revision`: newer ops recorded here win. */
  load(revision: number, nodes: Record<string, NodeAttribution>): void;
}

export function createAttributionStore(): AttributionStore {
  const entries = new Map<string, NodeAttribution & { revision: number }>();
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  return {
    get: (nodeId) => entries.get(nodeId),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record(event, at = new Date().toISOString()) {
      const { op, author, revision } = event;
      // A node brought back keeps who first created it; its restorer is who changed it last.
      const id = op.type === "addNode" ? op.node.id : op.type === "updateNode" ? op.id : null;
      if (id === null) return;
      const known = entries.get(id);
      entries.set(id, { createdBy: known?.createdBy ?? author, createdAt: known?.createdAt ?? at, changedBy: author, changedAt: at, revision });
      emit();
    },
    load(revision, nodes) {
      for (const [id, loaded] of Object.entries(nodes)) {
        const known = entries.get(id);
        if (!known || known.revision <= revision) entries.set(id, { ...loaded, revision });
      }
      emit();
    },
  };
}

/** "Created by Ada · last changed by Ben" for a tooltip; "" when nothing is known. */
export function describeAttribution(entry: NodeAttribution | undefined): string {
  if (!entry) return "";
  const name = (who: string) => who.trim() || "someone";
  const created = entry.createdBy || entry.createdAt ? `Created by ${name(entry.createdBy)}` : "";
  const changed = entry.changedAt && entry.changedAt !== entry.createdAt ? `last changed by ${name(entry.changedBy)}` : "";
  return [created, changed].filter(Boolean).join(" · ");
}
