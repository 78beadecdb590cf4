/**
 * A map's structure in words, for round-trip tests across formats that renumber ids: each node
 * as "kind: text", each link as "from relation to" by text, each undercut as "from undercuts
 * (from relation to)". Sorted lists, so two maps compare equal when they say the same.
 */
import { entryOf } from "../records";
import type { MapDoc } from "../types";

export interface StructureSignature {
  nodes: string[];
  links: string[];
  undercuts: string[];
}

export function structureSignature(doc: MapDoc): StructureSignature {
  const text = (id: string) => entryOf(doc.nodes, id)?.text ?? `?${id}`;
  const links: string[] = [];
  const undercuts: string[] = [];
  for (const edge of Object.values(doc.edges)) {
    if (edge.relation !== "undercuts") {
      links.push(`${text(edge.from)} ${edge.relation} ${text(edge.to)}`);
      continue;
    }
    const target = entryOf(doc.edges, edge.to);
    undercuts.push(`${text(edge.from)} undercuts (${target ? `${text(target.from)} ${target.relation} ${text(target.to)}` : "?"})`);
  }
  return {
    nodes: Object.values(doc.nodes)
      .map((node) => `${node.kind}: ${node.text}`)
      .sort(),
    links: links.sort(),
    undercuts: undercuts.sort(),
  };
}

/** The doc with each node's text made unique and plain ("n1 …"), so a signature names each node once. */
export function withUniqueTexts(doc: MapDoc): MapDoc {
  const nodes = Object.values(doc.nodes).map((node, index) => ({ ...node, text: `Node ${index + 1}` }));
  return { ...doc, nodes: Object.fromEntries(nodes.map((node) => [node.id, node])) };
}
