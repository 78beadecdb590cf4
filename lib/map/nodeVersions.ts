/**
 * Node versions: for each op that changes what a node says (its kind, text, speaker, source or
 * quote; not a move), the node as the op left it. This is how a node's history is kept: the
 * server derives the versions from the ops it logs, replaying them on the small part of the map
 * they touch (taken just before they apply), so it needs nothing but the ops and applyOp.
 */
import { applyEach, applyOp } from "./apply";
import { recordsNamedBy } from "./named";
import type { Op } from "./ops";
import { entryOf } from "./records";
import type { ArgEdge, ArgNode, MapDoc } from "./types";

export type NodeChangeKind = "created" | "changed" | "deleted";

export interface NodeChange {
  nodeId: string;
  revision: number;
  change: NodeChangeKind;
  /** The node as the op left it; for a deletion, as it was when deleted. */
  node: ArgNode;
  /** For a deletion: the links that went with it. */
  links: ArgEdge[];
}

const CONTENT = ["kind", "text", "speaker", "sourceId", "quote"] as const;

/** Whether two versions of a node say the same (position aside). */
export function sameContent(a: ArgNode, b: ArgNode): boolean {
  return CONTENT.every((field) => Object.is(a[field], b[field]));
}

const changesContent = (op: Op) => op.type === "addNode" || op.type === "updateNode" || op.type === "deleteNodes" || op.type === "deleteSource";

/**
 * The part of `doc` that `ops` can change the content of, taken before they are applied: the nodes
 * they name (with the links of those nodes when some op deletes nodes), the nodes citing a source
 * they delete, and every source (so citing one checks as it did). Empty when no op changes content:
 * moves and link edits, most of the traffic, cost nothing here.
 */
export function touchedPart(doc: MapDoc, ops: readonly Op[]): MapDoc | null {
  if (!ops.some(changesContent)) return null;
  const deletes = ops.some((op) => op.type === "deleteNodes");
  const ids = new Set<string>();
  for (const op of ops) {
    if (op.type === "addEdge" && deletes) ids.add(op.edge.from).add(op.edge.to);
    else if (op.type === "deleteSource") {
      for (const node of Object.values(doc.nodes)) if (node.sourceId === op.id) ids.add(node.id);
    } else for (const { kind, id } of recordsNamedBy(op)) if (kind === "node") ids.add(id);
  }
  const nodes: Record<string, ArgNode> = {};
  for (const id of ids) {
    const node = entryOf(doc.nodes, id);
    if (node) Object.defineProperty(nodes, id, { value: node, writable: true, enumerable: true, configurable: true });
  }
  const edges: Record<string, ArgEdge> = {};
  if (deletes) {
    for (const edge of Object.values(doc.edges)) {
      if (ids.has(edge.from) || ids.has(edge.to)) Object.defineProperty(edges, edge.id, { value: edge, writable: true, enumerable: true, configurable: true });
    }
  }
  return { meta: doc.meta, nodes, edges, sources: { ...doc.sources } };
}

/**
 * The versions the ops make, in order, replayed on `part` (from touchedPart, before them; it is
 * changed in place, so pass a part nothing else uses). Only ops as they took effect (the logged
 * ones) belong here; one that does not apply to the part touches nothing of it.
 */
export function nodeChanges(part: MapDoc | null, entries: readonly { revision: number; op: Op }[]): NodeChange[] {
  if (!part) return [];
  const changes: NodeChange[] = [];
  for (const { revision, op } of entries) {
    const ids = changedBy(part, op);
    const before = ids.map((id) => entryOf(part.nodes, id));
    const links = op.type === "deleteNodes" ? ids.map((id) => linksOf(part, id)) : [];
    // In place: the part's records are its own, and a node is replaced by a write, never changed.
    const [result] = applyEach(part, [op], { inPlace: true }).results;
    if (!result?.ok) continue;
    ids.forEach((nodeId, i) => {
      const was = before[i];
      const now = entryOf(part.nodes, nodeId);
      if (was === now) return;
      if (!was && now) changes.push({ nodeId, revision, change: "created", node: now, links: [] });
      else if (was && !now) changes.push({ nodeId, revision, change: "deleted", node: was, links: links[i] ?? [] });
      else if (was && now && !sameContent(was, now)) changes.push({ nodeId, revision, change: "changed", node: now, links: [] });
    });
  }
  return changes;
}

function changedBy(doc: MapDoc, op: Op): string[] {
  if (op.type === "deleteSource") return Object.values(doc.nodes).filter((node) => node.sourceId === op.id).map((node) => node.id);
  if (!changesContent(op)) return [];
  return [...new Set(recordsNamedBy(op).flatMap(({ kind, id }) => (kind === "node" ? [id] : [])))];
}

function linksOf(doc: MapDoc, nodeId: string): ArgEdge[] {
  return Object.values(doc.edges).filter((edge) => edge.from === nodeId || edge.to === nodeId);
}

/** A node's versions replayed from its whole log, oldest first: what the stored versions must equal. */
export function replayNodeChanges(start: MapDoc, entries: readonly { revision: number; op: Op }[]): NodeChange[] {
  const changes: NodeChange[] = [];
  let doc = start;
  for (const entry of entries) {
    changes.push(...nodeChanges(touchedPart(doc, [entry.op]), [entry]));
    const result = applyOp(doc, entry.op);
    if (result.ok) doc = result.doc;
  }
  return changes;
}
