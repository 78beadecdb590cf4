/**
 * Undo never silently reverts someone else's later change. Before the inverse of one of my ops is
 * applied, each thing it would set back is checked: does the map still show what my op did? If
 * someone changed that field (or node, link, source) since, that part is skipped and reported, and
 * the rest is undone. Redo goes through the same check, the other way round.
 */
import type { Op, OpOf } from "../map/ops";
import { sameContent } from "../map/nodeVersions";
import { entryOf } from "../map/records";
import type { ArgNode, MapDoc, Source } from "../map/types";

/** Something my undo left alone because someone changed it after me. */
export interface Skipped {
  record: "node" | "link" | "source" | "map";
  id: string;
}

export interface Guarded {
  ops: Op[];
  skipped: Skipped[];
}

/** The parts of `undo` (the inverse of `done`) that only take back what `done` did. */
export function guardUndo(doc: MapDoc, done: Op, undo: readonly Op[]): Guarded {
  const skipped: Skipped[] = [];
  const ops: Op[] = [];
  const skip = (record: Skipped["record"], id: string) => skipped.push({ record, id });
  for (const op of undo) {
    const kept = guardOne(doc, done, op, skip);
    if (kept) ops.push(kept);
  }
  return { ops, skipped };
}

type Skip = (record: Skipped["record"], id: string) => void;

function guardOne(doc: MapDoc, done: Op, op: Op, skip: Skip): Op | null {
  switch (op.type) {
    case "updateNode": {
      const node = entryOf(doc.nodes, op.id);
      if (!node) return null; // deleted since: nothing left to set back (the deletion says so itself)
      const set = setFieldsOf(done, op.id);
      return keepFields(op, node, set, () => skip("node", op.id));
    }
    case "deleteNodes": {
      // Undoing my add: only if the node is as I made it and nobody else linked to it.
      if (done.type !== "addNode") return op;
      const node = entryOf(doc.nodes, done.node.id);
      if (!node) return null;
      const changed = !sameContent(node, done.node);
      const linked = Object.values(doc.edges).some((edge) => edge.from === node.id || edge.to === node.id);
      if (changed || linked) return skip("node", node.id), null;
      return op;
    }
    case "moveNodes": {
      if (done.type !== "moveNodes") return op;
      const placed = new Map(done.moves.map((move) => [move.id, move]));
      const moves = op.moves.filter((move) => {
        const node = entryOf(doc.nodes, move.id);
        const mine = placed.get(move.id);
        const still = node && mine && node.x === mine.x && node.y === mine.y;
        if (node && !still) skip("node", move.id);
        return still;
      });
      return moves.length > 0 ? { ...op, moves } : null;
    }
    case "addNode":
      return entryOf(doc.nodes, op.node.id) ? null : op; // someone brought it back already
    case "addEdge":
      return entryOf(doc.edges, op.edge.id) ? null : op;
    case "deleteEdge": {
      const edge = entryOf(doc.edges, op.id);
      if (!edge) return null;
      if (done.type === "addEdge" && edge.relation !== done.edge.relation) return skip("link", op.id), null;
      return op;
    }
    case "updateEdge": {
      const edge = entryOf(doc.edges, op.id);
      if (!edge) return null;
      if (done.type === "updateEdge" && edge.relation !== done.patch.relation) return skip("link", op.id), null;
      return op;
    }
    case "addSource":
      return entryOf(doc.sources, op.source.id) ? null : op;
    case "deleteSource": {
      const source = entryOf(doc.sources, op.id);
      if (!source) return null;
      if (done.type === "addSource" && !sameSource(source, done.source)) return skip("source", op.id), null;
      return op;
    }
    case "updateSource": {
      const source = entryOf(doc.sources, op.id);
      if (!source) return null;
      const set = done.type === "updateSource" && done.id === op.id ? (done.patch as Record<string, unknown>) : {};
      return keepFields(op, source, set, () => skip("source", op.id));
    }
    case "updateMap": {
      const set = done.type === "updateMap" ? (done.patch as Record<string, unknown>) : {};
      return keepFields(op, doc.meta, set, () => skip("map", "map"));
    }
  }
}

/** The values `done` gave the node's fields (deleteSource unlinks: sourceId became null). */
function setFieldsOf(done: Op, nodeId: string): Record<string, unknown> {
  if (done.type === "updateNode" && done.id === nodeId) return done.patch;
  if (done.type === "deleteSource") return { sourceId: null };
  return {};
}

/** The patch op with only the fields that still hold the value `done` set (fields it did not set are kept). */
function keepFields<O extends OpOf<"updateNode"> | OpOf<"updateSource"> | OpOf<"updateMap">>(op: O, record: object, set: Record<string, unknown>, onSkip: () => void): O | null {
  const patch: Record<string, unknown> = {};
  let dropped = false;
  for (const [field, value] of Object.entries(op.patch)) {
    if (value === undefined) continue;
    const current = (record as Record<string, unknown>)[field];
    if (field in set && !sameValue(current, set[field])) dropped = true;
    else patch[field] = value;
  }
  if (dropped) onSkip();
  return Object.keys(patch).length > 0 ? ({ ...op, patch } as O) : null;
}

const sameValue = (a: unknown, b: unknown) => Object.is(a, b) || (typeof a === "object" && a !== null && JSON.stringify(a) === JSON.stringify(b));

function sameSource(a: Source, b: Source): boolean {
  return (["title", "publisher", "author", "date", "url", "text"] as const).every((field) => a[field] === b[field]);
}

/** For messages: the node a skip is about, if it is still on the map. */
export function skippedNode(doc: MapDoc, skipped: Skipped): ArgNode | undefined {
  return skipped.record === "node" ? entryOf(doc.nodes, skipped.id) : undefined;
}
