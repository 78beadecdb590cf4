/**
 * Node versions: for each op that changes what a node says (its kind, text, speaker, source, quote
 * and the quote's context; not its place), the node as the op left it. They are read off the op's records diff, so
 * the server derives them from the ops it logs with nothing but applyOp, and any new kind of
 * change (a cascade, a new record type) is covered the day applyOp's diff says so.
 */
import type { DocDiff } from "./diff";
import { applyOp } from "./apply";
import type { Op } from "./ops";
import type { ArgEdge, ArgNode, MapDoc } from "./types";

export type NodeChangeKind = "created" | "changed" | "deleted";

export interface NodeChange {
  nodeId: string;
  revision: number;
  change: NodeChangeKind;
  /** The node as the op left it; for a deletion, as it was when deleted. */
  node: ArgNode;
  /** For a deletion: the links that went with it (and the undercuts aimed at those). */
  links: ArgEdge[];
}

/**
 * A node's place on the canvas and its id are not what it says; nor is its base score (where its
 * strength starts in "which claims stand", a judgement about the node, which the room's votes can
 * set for many nodes at once). Every other field is.
 */
const NOT_CONTENT = new Set<string>(["id", "x", "y", "baseScore"]);

/** The fields that say what a node says: kind, text, speaker, source, quote and the quote's context. */
export function contentFields(node: ArgNode): (keyof ArgNode)[] {
  return (Object.keys(node) as (keyof ArgNode)[]).filter((field) => !NOT_CONTENT.has(field));
}

/** Whether two versions of a node say the same (position aside). */
export function sameContent(a: ArgNode, b: ArgNode): boolean {
  return contentFields(b).every((field) => Object.is(a[field], b[field])) && contentFields(a).every((field) => Object.is(a[field], b[field]));
}

/** The versions one op made, from its records diff. */
export function nodeChangesOf(revision: number, diff: DocDiff): NodeChange[] {
  const changes: NodeChange[] = [];
  for (const [nodeId, node] of diff.nodes.added) changes.push({ nodeId, revision, change: "created", node, links: [] });
  for (const [nodeId, [from, to]] of diff.nodes.updated) {
    if (!sameContent(from, to)) changes.push({ nodeId, revision, change: "changed", node: to, links: [] });
  }
  for (const [nodeId, node] of diff.nodes.removed) changes.push({ nodeId, revision, change: "deleted", node, links: linksGoneWith(diff, nodeId) });
  return changes;
}

function linksGoneWith(diff: DocDiff, nodeId: string): ArgEdge[] {
  const removed = [...diff.edges.removed.values()];
  const own = new Set(removed.filter((edge) => edge.from === nodeId || edge.to === nodeId).map((edge) => edge.id));
  return removed.filter((edge) => own.has(edge.id) || own.has(edge.to));
}

/** The versions a log makes, replayed from `start` op by op: what the stored ones must equal. */
export function replayNodeChanges(start: MapDoc, entries: readonly { revision: number; op: Op }[]): NodeChange[] {
  const changes: NodeChange[] = [];
  let doc = start;
  for (const { revision, op } of entries) {
    const result = applyOp(doc, op);
    if (!result.ok) continue;
    changes.push(...nodeChangesOf(revision, result.diff));
    doc = result.doc;
  }
  return changes;
}
