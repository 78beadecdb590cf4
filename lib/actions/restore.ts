/**
 * Bringing words back: a version from a node's history, a deleted node with its links, or text
 * kept in a notice. Each gives ordinary ops (one undoable step), built against the map as it is
 * now: a source or a linked node that is gone since is left out rather than failing the whole.
 */
import { findEdgeBetween } from "../map/graph";
import { contentFields } from "../map/nodeVersions";
import type { Op } from "../map/ops";
import { entryOf, hasEntry } from "../map/records";
import { aimsAtNode, type ArgEdge, type ArgNode, type MapDoc } from "../map/types";
import type { KeptText } from "../sync/notices";

/** The node with a source that no longer exists let go of. */
function citingWhatExists(doc: MapDoc, node: ArgNode): ArgNode {
  return node.sourceId !== null && !hasEntry(doc.sources, node.sourceId) ? { ...node, sourceId: null } : node;
}

/** Makes the node say what `version` says (its place stays); brings it back if it was deleted. */
export function restoreVersionOps(doc: MapDoc, version: ArgNode): Op[] | false {
  const target = citingWhatExists(doc, version);
  const node = entryOf(doc.nodes, version.id);
  if (!node) return [{ type: "addNode", node: target }];
  const patch: Partial<ArgNode> = {};
  for (const field of contentFields(target)) if (!Object.is(node[field], target[field])) Object.assign(patch, { [field]: target[field] });
  return Object.keys(patch).length > 0 ? [{ type: "updateNode", id: version.id, patch }] : false;
}

/**
 * A deleted node back where it was, with each of its links whose other end is still there: links
 * between nodes first, then undercuts, whose target is a link (one already there or one that
 * comes back here).
 */
export function restoreDeletedOps(doc: MapDoc, node: ArgNode, links: readonly ArgEdge[]): Op[] | false {
  if (hasEntry(doc.nodes, node.id)) return false;
  const ops: Op[] = [{ type: "addNode", node: citingWhatExists(doc, node) }];
  const isNode = (id: string) => id === node.id || hasEntry(doc.nodes, id);
  const restored = new Set<string>();
  const pairs = new Set<string>();
  const restore = (link: ArgEdge, targetThere: boolean) => {
    if (link.from === link.to || !isNode(link.from) || !targetThere || hasEntry(doc.edges, link.id)) return;
    if (findEdgeBetween(doc, link.from, link.to) || pairs.has(`${link.from} ${link.to}`)) return;
    pairs.add(`${link.from} ${link.to}`);
    restored.add(link.id);
    ops.push({ type: "addEdge", edge: link });
  };
  for (const link of links) if (aimsAtNode(link)) restore(link, isNode(link.to));
  for (const link of links) if (!aimsAtNode(link)) restore(link, hasEntry(doc.edges, link.to) || restored.has(link.to));
  return ops;
}

/** Text kept for its author, back in its node; the node (with its links) first if it was deleted. */
export function restoreKeptTextOps(doc: MapDoc, kept: KeptText): Op[] | false {
  const node = entryOf(doc.nodes, kept.nodeId);
  if (node) return node.text === kept.text ? false : [{ type: "updateNode", id: kept.nodeId, patch: { text: kept.text } }];
  const last: ArgNode = kept.node ?? { id: kept.nodeId, kind: "claim", text: "", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 };
  return restoreDeletedOps(doc, { ...last, text: kept.text }, kept.links ?? []);
}
