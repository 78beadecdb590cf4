/**
 * applyOp: the one place that decides what an op does to a map, or why it cannot.
 * Pure and immutable: only the touched records are copied, untouched ones are shared with the
 * old doc, and an op that changes nothing returns the very same doc. What it did comes back as a
 * records diff, from which undo (inverse.ts) and the server's writes (lib/server) are derived.
 */
import type { DocDiff } from "./diff";
import { DocWriter } from "./docWriter";
import { LIMITS } from "./limits";
import type { Op, OpError, OpOf } from "./ops";
import { plainEdge, plainNode, plainSource } from "./plain";
import { hasEntry } from "./records";
import { kindChangeProblem, linkProblem, linksGoingWith, type RecordLookup } from "./structureRules";
import { isReasonRelation, type MapDoc } from "./types";

export type ApplyResult = { ok: true; doc: MapDoc; diff: DocDiff } | { ok: false; error: OpError };

export function applyOp(doc: MapDoc, op: Op): ApplyResult {
  const writer = new DocWriter(doc);
  const error = applyTo(writer, op);
  const result = writer.finish();
  return error ? { ok: false, error } : { ok: true, doc: result, diff: writer.takeDiff() };
}

/**
 * Applies ops in order, all or nothing: the first rejection is the result. A batch copies each
 * record once, not once per op, so building a 5,000-node map from ops stays fast.
 */
export function applyOps(doc: MapDoc, ops: readonly Op[]): ApplyResult {
  const writer = new DocWriter(doc);
  for (const op of ops) {
    const error = applyTo(writer, op);
    if (error) {
      writer.finish();
      return { ok: false, error };
    }
  }
  return { ok: true, doc: writer.finish(), diff: writer.takeDiff() };
}

export type EachResult = { ok: true; op: Op; diff: DocDiff } | { ok: false; error: OpError };

/**
 * Applies each op in turn, skipping the ones that cannot apply, with one copy per record for the
 * whole list (the server applies a group of ops per commit). Each applied op comes back as it took
 * effect (nodes that no longer exist are left out of moves and deletes, so the logged op says
 * exactly what changed) and with its own records diff. With `inPlace`, `doc` and its records are changed where they are: only
 * for a caller that holds the sole reference to them (see DocWriter).
 */
export function applyEach(doc: MapDoc, ops: readonly Op[], { inPlace = false } = {}): { doc: MapDoc; results: EachResult[] } {
  const writer = new DocWriter(doc, inPlace ? "inPlace" : "copy");
  const results = ops.map((op): EachResult => {
    const effective = effectiveOp(writer.doc, op);
    const error = applyTo(writer, effective);
    // A rejected op wrote nothing (checks come first), so the diff taken is that op's own.
    const diff = writer.takeDiff();
    return error ? { ok: false, error } : { ok: true, op: effective, diff };
  });
  return { doc: writer.finish(), results };
}

function effectiveOp(doc: MapDoc, op: Op): Op {
  if (op.type === "moveNodes") {
    const moves = op.moves.filter((move) => hasEntry(doc.nodes, move.id));
    return moves.length === op.moves.length || moves.length === 0 ? op : { ...op, moves };
  }
  if (op.type === "deleteNodes") {
    const ids = op.ids.filter((id) => hasEntry(doc.nodes, id));
    return ids.length === op.ids.length || ids.length === 0 ? op : { ...op, ids };
  }
  return op;
}

/** Why `doc` would reject the op, or null when it would apply; copies and writes nothing. */
export function checkOp(doc: MapDoc, op: Op): OpError | null {
  const writer = new DocWriter(doc, "dryRun");
  const error = applyTo(writer, op);
  writer.finish();
  return error;
}

/** Checks the op against the doc as the writer has it, then writes it: checks come first. */
function applyTo(writer: DocWriter, op: Op): OpError | null {
  switch (op.type) {
    case "addNode":
      return addNode(writer, op);
    case "updateNode":
      return updateNode(writer, op);
    case "moveNodes":
      return moveNodes(writer, op);
    case "deleteNodes":
      return deleteNodes(writer, op);
    case "addEdge":
      return addEdge(writer, op);
    case "updateEdge":
      return updateEdge(writer, op);
    case "deleteEdge":
      return deleteEdge(writer, op);
    case "addSource":
      return addSource(writer, op);
    case "updateSource":
      return updateSource(writer, op);
    case "deleteSource":
      return deleteSource(writer, op);
    case "updateMap":
      return updateMap(writer, op);
    default: {
      // Reached only by unvalidated input; typed callers cannot get here.
      const unknown: never = op;
      return fail("invalid_op", `unknown op type ${JSON.stringify((unknown as { type?: unknown }).type)}`);
    }
  }
}

const fail = (code: OpError["code"], message: string): OpError => ({ code, message });
const done = null;

function addNode(writer: DocWriter, { node }: OpOf<"addNode">): OpError | null {
  if (writer.has("nodes", node.id)) return fail("conflict", `node ${node.id} already exists`);
  if (node.sourceId !== null && !writer.has("sources", node.sourceId)) {
    return fail("not_found", `source ${node.sourceId} does not exist`);
  }
  if (writer.count("nodes") >= LIMITS.nodesPerMap) {
    return fail("too_large", `a map holds at most ${LIMITS.nodesPerMap} nodes`);
  }
  writer.put("nodes", node.id, plainNode(node));
  return done;
}

function updateNode(writer: DocWriter, { id, patch }: OpOf<"updateNode">): OpError | null {
  const node = writer.get("nodes", id);
  if (!node) return fail("not_found", `node ${id} no longer exists`);
  if (patch.sourceId != null && !writer.has("sources", patch.sourceId)) {
    return fail("not_found", `source ${patch.sourceId} does not exist`);
  }
  if (patch.kind !== undefined) {
    const problem = kindChangeProblem(node, patch.kind, Object.values(writer.doc.edges));
    if (problem) return problem;
  }
  const next = patched(node, patch);
  if (next !== node) writer.put("nodes", id, next);
  return done;
}

function moveNodes(writer: DocWriter, { moves }: OpOf<"moveNodes">): OpError | null {
  // Moves of nodes deleted meanwhile are dropped: the rest of a multi-node drag still lands.
  if (!moves.some((move) => writer.has("nodes", move.id))) {
    return fail("not_found", nodesGoneMessage(moves.map((move) => move.id)));
  }
  for (const { id, x, y } of moves) {
    const node = writer.get("nodes", id);
    if (node && (node.x !== x || node.y !== y)) writer.put("nodes", id, { ...node, x, y });
  }
  return done;
}

function deleteNodes(writer: DocWriter, { ids }: OpOf<"deleteNodes">): OpError | null {
  const doomed = new Set(ids.filter((id) => writer.has("nodes", id)));
  if (doomed.size === 0) return fail("not_found", nodesGoneMessage(ids));
  for (const id of linksGoingWith(Object.values(writer.doc.edges), doomed)) writer.remove("edges", id);
  for (const id of doomed) writer.remove("nodes", id);
  return done;
}

function addEdge(writer: DocWriter, { edge }: OpOf<"addEdge">): OpError | null {
  if (writer.has("edges", edge.id)) return fail("conflict", `edge ${edge.id} already exists`);
  const problem = linkProblem(lookup(writer), edge);
  if (problem) return problem;
  if (writer.linkBetween(edge.from, edge.to) !== undefined) return fail("conflict", "these nodes are already linked");
  if (writer.count("edges") >= LIMITS.edgesPerMap) {
    return fail("too_large", `a map holds at most ${LIMITS.edgesPerMap} links`);
  }
  writer.put("edges", edge.id, plainEdge(edge));
  return done;
}

function updateEdge(writer: DocWriter, { id, patch }: OpOf<"updateEdge">): OpError | null {
  const edge = writer.get("edges", id);
  if (!edge) return fail("not_found", `link ${id} no longer exists`);
  if (patch.relation !== edge.relation && !(isReasonRelation(edge.relation) && isReasonRelation(patch.relation))) {
    return fail("invalid_op", "only supports and rebuts can be switched; a premise or an undercut stays what it is");
  }
  const next = patched(edge, patch);
  if (next !== edge) writer.put("edges", id, next);
  return done;
}

function deleteEdge(writer: DocWriter, { id }: OpOf<"deleteEdge">): OpError | null {
  if (!writer.has("edges", id)) return fail("not_found", `link ${id} no longer exists`);
  const undercuts = linksGoingWith(Object.values(writer.doc.edges), new Set(), new Set([id]));
  writer.remove("edges", id);
  for (const undercut of undercuts) writer.remove("edges", undercut);
  return done;
}

function addSource(writer: DocWriter, { source }: OpOf<"addSource">): OpError | null {
  if (writer.has("sources", source.id)) return fail("conflict", `source ${source.id} already exists`);
  if (writer.count("sources") >= LIMITS.sourcesPerMap) {
    return fail("too_large", `a map holds at most ${LIMITS.sourcesPerMap} sources`);
  }
  writer.put("sources", source.id, plainSource(source));
  return done;
}

function updateSource(writer: DocWriter, { id, patch }: OpOf<"updateSource">): OpError | null {
  const source = writer.get("sources", id);
  if (!source) return fail("not_found", `source ${id} no longer exists`);
  const next = patched(source, patch);
  if (next !== source) writer.put("sources", id, next);
  return done;
}

function deleteSource(writer: DocWriter, { id }: OpOf<"deleteSource">): OpError | null {
  if (!writer.has("sources", id)) return fail("not_found", `source ${id} no longer exists`);
  // Nodes citing the source keep their quote; only the link to the source goes.
  for (const node of Object.values(writer.doc.nodes)) {
    if (node.sourceId === id) writer.put("nodes", node.id, { ...node, sourceId: null });
  }
  writer.remove("sources", id);
  return done;
}

function updateMap(writer: DocWriter, { patch }: OpOf<"updateMap">): OpError | null {
  const meta = patched(writer.doc.meta, patch);
  if (meta !== writer.doc.meta) writer.setMeta(meta);
  return done;
}

const lookup = (writer: DocWriter): RecordLookup => ({
  node: (id) => writer.get("nodes", id),
  edge: (id) => writer.get("edges", id),
});

/**
 * The record with the patch's defined fields applied, or the record itself when none differs.
 * Undefined values mean "not patched": `{text: undefined}` must not erase the text.
 */
export function patched<T extends object>(record: T, patch: Partial<T>): T {
  let next: T | null = null;
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value === undefined || Object.is(record[key], value)) continue;
    next ??= { ...record };
    next[key] = value;
  }
  return next ?? record;
}

function nodesGoneMessage(ids: readonly string[]): string {
  return ids.length === 1 ? `node ${ids[0]} no longer exists` : "none of these nodes exists any more";
}
