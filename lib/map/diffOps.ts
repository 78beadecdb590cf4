/**
 * A records diff as ops: the ops that, applied to the doc the diff starts from, give the doc it
 * ends at. Undo is the reversed diff as ops (inverse.ts), and a whole map is the diff that adds
 * everything (docToOps.ts), so one function knows how changes become ops, in an order that
 * satisfies every rule of applyOp:
 *
 * sources are added first (nodes cite them) and deleted last (nodes stop citing them before);
 * links are deleted before nodes (and undercuts before the link they aim at, which would take
 * them with it), nodes deleted before nodes are added (so a full map has room), nodes changed
 * before links are added and after links are deleted (a node turns into an argument before
 * premises are linked into it, and stops being one only after they are gone), and links added
 * before the undercuts aimed at them.
 */
import { changedFields, type DocDiff, type RecordsDiff } from "./diff";
import type { Op } from "./ops";
import { isReasonRelation, type ArgEdge, type ArgNode, type MapDoc, type MapMeta, type Source } from "./types";

/**
 * `from`, the doc the diff starts from, is needed only when a link is deleted and drawn again
 * under the same id with other ends: an undercut aimed at it that the diff does not mention (it
 * was taken with the link and drawn again as it was) must be deleted and added again too.
 */
export function opsForDiff(diff: DocDiff, from?: MapDoc): Op[] {
  const { nodes, sources } = diff;
  const edges = linkChanges(diff.edges, from);
  const ops: Op[] = [];
  for (const source of sources.added.values()) ops.push({ type: "addSource", source });
  for (const [id, [from, to]] of sources.updated) {
    const patch = patchOf<Source>(from, to, ["id"]);
    if (patch) ops.push({ type: "updateSource", id, patch });
  }
  for (const edge of undercuts(edges.removed, "first")) ops.push({ type: "deleteEdge", id: edge.id });
  if (nodes.removed.size > 0) ops.push({ type: "deleteNodes", ids: [...nodes.removed.keys()] });
  for (const node of nodes.added.values()) ops.push({ type: "addNode", node });
  ops.push(...nodeChanges(nodes));
  for (const edge of undercuts(edges.added, "last")) ops.push({ type: "addEdge", edge });
  for (const [id, [from, to]] of edges.updated) {
    if (from.relation !== to.relation) ops.push({ type: "updateEdge", id, patch: { relation: to.relation } });
  }
  for (const id of sources.removed.keys()) ops.push({ type: "deleteSource", id });
  if (diff.meta) {
    const patch = patchOf<MapMeta>(diff.meta[0], diff.meta[1], []);
    if (patch) ops.push({ type: "updateMap", patch });
  }
  return ops;
}

/**
 * A link's ends are what it is, and only supports and rebuts switch into each other, so no op
 * makes any other change to a link; a diff says one happened only when the link was deleted and
 * drawn again under the same id (squashed). Such a link is deleted and added again, and so is each
 * undercut aimed at it (and at those, in turn): deleting the link takes them with it, as it did
 * then. Those the diff updates are known; those it leaves as they were are found in `doc`.
 */
function linkChanges(edges: RecordsDiff<ArgEdge>, doc: MapDoc | undefined): RecordsDiff<ArgEdge> {
  const replaced = new Set<string>();
  for (const [id, [from, to]] of edges.updated) if (!switchable(from, to)) replaced.add(id);
  if (replaced.size === 0) return edges;
  const untouched = new Map<string, ArgEdge>();
  const mentioned = (id: string) => edges.updated.has(id) || edges.removed.has(id) || edges.added.has(id);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, [, to]] of edges.updated) {
      if (!isUndercut(to) || !replaced.has(to.to) || replaced.has(id)) continue;
      replaced.add(id);
      grew = true;
    }
    for (const edge of Object.values(doc?.edges ?? {})) {
      if (!isUndercut(edge) || !replaced.has(edge.to) || replaced.has(edge.id) || mentioned(edge.id)) continue;
      replaced.add(edge.id);
      untouched.set(edge.id, edge);
      grew = true;
    }
  }
  const changes: RecordsDiff<ArgEdge> = { added: new Map(edges.added), updated: new Map(), removed: new Map(edges.removed) };
  for (const [id, edge] of untouched) {
    changes.removed.set(id, edge);
    changes.added.set(id, edge);
  }
  for (const [id, [from, to]] of edges.updated) {
    if (!replaced.has(id)) changes.updated.set(id, [from, to]);
    else {
      changes.removed.set(id, from);
      changes.added.set(id, to);
    }
  }
  return changes;
}

/** Field edits as one updateNode per node, position changes as one moveNodes for all. */
function nodeChanges(nodes: RecordsDiff<ArgNode>): Op[] {
  const ops: Op[] = [];
  const moves: { id: string; x: number; y: number }[] = [];
  for (const [id, [from, to]] of nodes.updated) {
    const patch = patchOf<ArgNode>(from, to, ["id", "x", "y"]);
    if (patch) ops.push({ type: "updateNode", id, patch });
    if (!Object.is(from.x, to.x) || !Object.is(from.y, to.y)) moves.push({ id, x: to.x, y: to.y });
  }
  if (moves.length > 0) ops.push({ type: "moveNodes", moves });
  return ops;
}

/** The links with the undercuts (links aimed at links) first or last, each part in diff order. */
function undercuts(edges: ReadonlyMap<string, ArgEdge>, where: "first" | "last"): ArgEdge[] {
  const all = [...edges.values()];
  const aimedAtLinks = all.filter(isUndercut);
  const aimedAtNodes = all.filter((edge) => !isUndercut(edge));
  return where === "first" ? [...aimedAtLinks, ...aimedAtNodes] : [...aimedAtNodes, ...aimedAtLinks];
}

const isUndercut = (edge: ArgEdge) => edge.relation === "undercuts";

/** Whether updateEdge can take the link from one version to the other. */
const switchable = (from: ArgEdge, to: ArgEdge) =>
  from.from === to.from && from.to === to.to && (from.relation === to.relation || (isReasonRelation(from.relation) && isReasonRelation(to.relation)));

/** The new values of the fields that changed, leaving out `fixed`; null when none did. */
function patchOf<R extends object>(from: R, to: R, fixed: readonly (keyof R)[]): Partial<R> | null {
  const fields = changedFields(from, to).filter((field) => !fixed.includes(field));
  if (fields.length === 0) return null;
  return Object.fromEntries(fields.map((field) => [field, to[field]])) as Partial<R>;
}
