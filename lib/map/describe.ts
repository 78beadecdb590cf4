/**
 * Nodes and links in words: what the canvas, the outline, the side panel and screen readers call
 * them. One place, so a link reads the same everywhere ("Undercut by …: … undercuts the link
 * “…” supports “…”"). Plain strings; colour and symbols are the components' (components/kinds.ts).
 */
import { entryOf } from "./records";
import type { ArgEdge, ArgNode, MapDoc, NodeKind, Relation } from "./types";

export const KIND_LABEL: Record<NodeKind, string> = {
  claim: "Claim",
  support: "Support",
  rebuttal: "Rebuttal",
  argument: "Argument",
};

export const RELATION_LABEL: Record<Relation, string> = {
  supports: "supports",
  rebuts: "rebuts",
  premise: "is a premise of",
  undercuts: "undercuts",
};

/** The first words of a text, for lists and link descriptions. */
export function excerpt(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return "(no text yet)";
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** "Rebuttal by Fu Liang: …", the accessible name of a node; an unnamed argument is named by its premises. */
export function describeNode(node: { kind: NodeKind; speaker: string; text: string }, doc?: MapDoc): string {
  const who = node.speaker.trim() ? ` by ${node.speaker.trim()}` : "";
  const premises = doc && node.kind === "argument" && !node.text.trim() ? gist(doc, node as ArgNode, 120) : null;
  return `${KIND_LABEL[node.kind]}${who}: ${premises ? `a reason from ${premises}` : node.text.trim() || "(no text yet)"}`;
}

/**
 * What a node says, for lists and link names: its text, or for an argument without a name its
 * premises ("“A” + “B”": what the reason is made of).
 */
export function gist(doc: MapDoc, node: ArgNode, length = 60): string {
  if (node.text.trim() || node.kind !== "argument") return excerpt(node.text, length);
  const premises = Object.values(doc.edges).filter((edge) => edge.relation === "premise" && edge.to === node.id);
  if (premises.length === 0) return "a reason with no premises yet";
  const each = Math.max(12, Math.floor(length / premises.length));
  return premises.map((edge) => excerpt(entryOf(doc.nodes, edge.from)?.text ?? "", each)).join(" + ");
}

const quoted = (doc: MapDoc, node: ArgNode | undefined, length: number) => (node ? `“${gist(doc, node, length)}”` : "a missing node");

/** A link in words: “A” supports “B”, “A” is a premise of “B”. */
export function describeLinkEnds(doc: MapDoc, edge: ArgEdge, length = 40): string {
  const from = entryOf(doc.nodes, edge.from);
  if (edge.relation === "undercuts") {
    const target = entryOf(doc.edges, edge.to);
    return `${quoted(doc, from, length)} undercuts the link ${target ? describeLinkEnds(doc, target, length) : "(missing)"}`;
  }
  const to = entryOf(doc.nodes, edge.to);
  return `${quoted(doc, from, length)} ${edge.relation === "premise" ? "is a premise of" : edge.relation} ${quoted(doc, to, length)}`;
}

/**
 * The accessible name of a link. An undercut names who objects and the inference it objects to:
 * "Undercut by Fu Liang: “…” undercuts the link “…” supports “…”".
 */
export function describeLink(doc: MapDoc, edge: ArgEdge, length = 40): string {
  const from = entryOf(doc.nodes, edge.from);
  if (edge.relation === "undercuts") {
    const who = from?.speaker.trim() ? ` by ${from.speaker.trim()}` : "";
    return `Undercut${who}: ${describeLinkEnds(doc, edge, length)}`;
  }
  if (edge.relation === "premise") return `Premise: ${describeLinkEnds(doc, edge, length)}`;
  const to = entryOf(doc.nodes, edge.to);
  const end = (node: ArgNode | undefined) => (node ? `${KIND_LABEL[node.kind]} ${quoted(doc, node, length)}` : "a missing node");
  return `${end(from)} ${edge.relation} ${end(to)}`;
}

/** How a listed node bears on the one above it, as the outlines tag it. */
export const RELATION_TAG: Record<Relation, string> = {
  supports: "Supports",
  rebuts: "Rebuts",
  premise: "Premise",
  undercuts: "Undercuts",
};

/**
 * Whether a node of this kind is what a reason with this relation usually is; any other kind is
 * named in the outlines, e.g. a claim that supports another. Any statement makes a good premise.
 */
export function isUsualKind(relation: Relation, kind: NodeKind): boolean {
  switch (relation) {
    case "supports":
      return kind === "support";
    case "rebuts":
    case "undercuts":
      return kind === "rebuttal";
    case "premise":
      return kind !== "argument";
  }
}
