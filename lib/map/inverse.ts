/**
 * Inverses: for an op applied to `doc`, the ops that take the result back to `doc`.
 * Undo sends these as new ops (per user, as in tldraw's history), so they are ordinary ops that
 * pass the same validation as any other.
 */
import { checkOp } from "./apply";
import type { Op, OpOf } from "./ops";
import { entryOf } from "./records";
import type { ArgNode, MapDoc } from "./types";

// applyOps lives with applyOp (it shares its copy-on-write batch); exported here too for undo.
export { applyOps } from "./apply";

/**
 * The ops that undo `op`, given the doc *before* it. Applied in order to the doc after `op`,
 * they give back a doc deep-equal to `doc`. An op that `doc` rejects changes nothing, so its
 * inverse is empty.
 */
export function inverseOf(doc: MapDoc, op: Op): Op[] {
  if (checkOp(doc, op)) return [];
  switch (op.type) {
    case "addNode":
      return [{ type: "deleteNodes", ids: [op.node.id] }];
    case "updateNode":
      return invertUpdateNode(doc, op);
    case "moveNodes":
      return invertMoveNodes(doc, op);
    case "deleteNodes":
      return invertDeleteNodes(doc, op);
    case "addEdge":
      return [{ type: "deleteEdge", id: op.edge.id }];
    case "updateEdge": {
      const edge = entryOf(doc.edges, op.id);
      return edge ? [{ type: "updateEdge", id: op.id, patch: { relation: edge.relation } }] : [];
    }
    case "deleteEdge": {
      const edge = entryOf(doc.edges, op.id);
      return edge ? [{ type: "addEdge", edge }] : [];
    }
    case "addSource":
      return [{ type: "deleteSource", id: op.source.id }];
    case "updateSource": {
      const source = entryOf(doc.sources, op.id);
      return source ? [{ type: "updateSource", id: op.id, patch: previousValues(source, op.patch) }] : [];
    }
    case "deleteSource":
      return invertDeleteSource(doc, op);
    case "updateMap":
      return [{ type: "updateMap", patch: previousValues(doc.meta, op.patch) }];
  }
}

function invertUpdateNode(doc: MapDoc, op: OpOf<"updateNode">): Op[] {
  const node = entryOf(doc.nodes, op.id);
  return node ? [{ type: "updateNode", id: op.id, patch: previousValues(node, op.patch) }] : [];
}

function invertMoveNodes(doc: MapDoc, op: OpOf<"moveNodes">): Op[] {
  const moves = new Map<string, { id: string; x: number; y: number }>();
  for (const { id } of op.moves) {
    const node = entryOf(doc.nodes, id);
    if (node && !moves.has(id)) moves.set(id, { id, x: node.x, y: node.y });
  }
  return [{ type: "moveNodes", moves: [...moves.values()] }];
}

function invertDeleteNodes(doc: MapDoc, op: OpOf<"deleteNodes">): Op[] {
  const deleted = new Map<string, ArgNode>();
  for (const id of op.ids) {
    const node = entryOf(doc.nodes, id);
    if (node) deleted.set(id, node);
  }
  // Nodes first, so that every edge finds both of its ends again.
  const restoreNodes: Op[] = [...deleted.values()].map((node) => ({ type: "addNode", node }));
  const restoreEdges: Op[] = Object.values(doc.edges)
    .filter((edge) => deleted.has(edge.from) || deleted.has(edge.to))
    .map((edge) => ({ type: "addEdge", edge }));
  return [...restoreNodes, ...restoreEdges];
}

function invertDeleteSource(doc: MapDoc, op: OpOf<"deleteSource">): Op[] {
  const source = entryOf(doc.sources, op.id);
  if (!source) return [];
  const relink: Op[] = Object.values(doc.nodes)
    .filter((node) => node.sourceId === op.id)
    .map((node) => ({ type: "updateNode", id: node.id, patch: { sourceId: op.id } }));
  return [{ type: "addSource", source }, ...relink];
}

/** The record's current values of exactly the fields the patch sets. */
function previousValues<T extends object, P extends Partial<T>>(record: T, patch: P): P {
  const previous: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T & keyof P)[]) {
    if (patch[key] !== undefined) previous[key] = record[key];
  }
  return previous as P;
}
