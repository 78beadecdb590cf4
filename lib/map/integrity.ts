/**
 * The invariants every MapDoc keeps. applyOp preserves them op by op; a doc that arrives whole
 * (an import, a copy) is checked here before anything trusts it.
 */
import { LIMITS } from "./limits";
import type { OpError } from "./ops";
import { countEntries, entryOf, hasEntry } from "./records";
import { linkProblem } from "./structureRules";
import type { MapDoc } from "./types";

/** The first broken invariant, as an error naming the item, or null when the doc is sound. */
export function findIntegrityProblem(doc: MapDoc): OpError | null {
  return limitProblem(doc) ?? keyProblem(doc) ?? sourceProblem(doc) ?? edgeProblem(doc);
}

function limitProblem(doc: MapDoc): OpError | null {
  const counts = [
    [countEntries(doc.nodes), LIMITS.nodesPerMap, "nodes"],
    [countEntries(doc.edges), LIMITS.edgesPerMap, "links"],
    [countEntries(doc.sources), LIMITS.sourcesPerMap, "sources"],
  ] as const;
  for (const [count, limit, what] of counts) {
    if (count > limit) return { code: "too_large", message: `a map holds at most ${limit} ${what}, this one has ${count}` };
  }
  return null;
}

/** Each record is stored under its own id. */
function keyProblem(doc: MapDoc): OpError | null {
  for (const [what, record] of [["node", doc.nodes], ["link", doc.edges], ["source", doc.sources]] as const) {
    for (const [key, item] of Object.entries(record)) {
      if (key !== item.id) return invalid(`${what} "${item.id}" is filed under "${key}"`);
    }
  }
  return null;
}

function sourceProblem(doc: MapDoc): OpError | null {
  for (const node of Object.values(doc.nodes)) {
    if (node.sourceId !== null && !hasEntry(doc.sources, node.sourceId)) {
      return { code: "not_found", message: `node "${node.id}" cites source "${node.sourceId}", which is not in the map` };
    }
  }
  return null;
}

/**
 * Every link joins what exists, obeys the structure rules (structureRules.ts: premises are
 * statements in arguments, undercuts aim at supports/rebuts links), and no two join the same pair.
 */
function edgeProblem(doc: MapDoc): OpError | null {
  const records = { node: (id: string) => entryOf(doc.nodes, id), edge: (id: string) => entryOf(doc.edges, id) };
  const linkedPairs = new Map<string, string>();
  for (const edge of Object.values(doc.edges)) {
    const ends = edge.relation === "undercuts" ? [["node", edge.from, doc.nodes], ["link", edge.to, doc.edges]] as const : [["node", edge.from, doc.nodes], ["node", edge.to, doc.nodes]] as const;
    for (const [what, end, record] of ends) {
      if (!hasEntry(record, end)) return { code: "not_found", message: `link "${edge.id}" points to ${what} "${end}", which is not in the map` };
    }
    if (edge.from === edge.to && edge.relation !== "undercuts") return invalid(`link "${edge.id}" links node "${edge.from}" to itself`);
    const problem = linkProblem(records, edge);
    if (problem) return { code: problem.code, message: `link "${edge.id}": ${problem.message}` };
    // JSON of the pair cannot collide the way "a" + "b c" and "a b" + "c" would.
    const pair = JSON.stringify([edge.from, edge.to]);
    const earlier = linkedPairs.get(pair);
    if (earlier !== undefined) {
      return {
        code: "conflict",
        message: `links "${earlier}" and "${edge.id}" both link "${edge.from}" to "${edge.to}"`,
      };
    }
    linkedPairs.set(pair, edge.id);
  }
  return null;
}

const invalid = (message: string): OpError => ({ code: "invalid_op", message });
