/**
 * The map as React Flow elements for the presentation: every node is on the stage (so it is laid
 * out and measured before its turn), but only revealed ones are visible; a link shows once both
 * its ends are. Flow objects are cached per node and per state, so stepping re-renders only the
 * nodes whose state changed.
 */
import type { Edge, Node } from "@xyflow/react";
import { entryOf } from "@/lib/map/records";
import type { ArgEdge, ArgNode, MapDoc, Source } from "@/lib/map/types";
import type { LiveEvaluation } from "../evaluation/useMapEvaluation";
import { describeVerdict, verdictIn, type Verdict } from "../evaluation/verdict";
import { MARKERS } from "../editor/flowElements";
import { describeNode } from "../kinds";

/** A node's place in the presentation: not shown yet, shown at an earlier step, or in the current step. */
export type RevealState = "hidden" | "past" | "current";

export interface PresentationNodeData extends Record<string, unknown> {
  node: ArgNode;
  source: Source | null;
  state: RevealState;
  /** Which claims stand, when the stage shows it. */
  verdict: Verdict | undefined;
}
export type PresentationFlowNode = Node<PresentationNodeData, "presentation">;

export interface PresentationEdgeData extends Record<string, unknown> {
  edge: ArgEdge;
  /** For an undercut: the link it objects to. */
  link?: ArgEdge;
}
export type PresentationFlowEdge = Edge<PresentationEdgeData, "presentation">;

export type PresentationNodeCache = WeakMap<ArgNode, PresentationFlowNode>;

export function stateOf(nodeId: string, revealed: ReadonlySet<string>, current: ReadonlySet<string>): RevealState {
  return current.has(nodeId) ? "current" : revealed.has(nodeId) ? "past" : "hidden";
}

export function toPresentationNodes(
  doc: MapDoc,
  revealed: ReadonlySet<string>,
  current: ReadonlySet<string>,
  cache: PresentationNodeCache,
  evaluation: LiveEvaluation | null = null,
): PresentationFlowNode[] {
  return Object.values(doc.nodes).map((node) => {
    const state = stateOf(node.id, revealed, current);
    const source = node.sourceId === null ? null : (entryOf(doc.sources, node.sourceId) ?? null);
    const verdict = evaluation && state !== "hidden" ? verdictIn(evaluation, node.id) : undefined;
    const cached = cache.get(node);
    if (cached && cached.data.state === state && cached.data.source === source && cached.data.verdict === verdict) return cached;
    const flowNode: PresentationFlowNode = {
      id: node.id,
      type: "presentation",
      position: { x: node.x, y: node.y },
      data: { node, source, state, verdict },
      className: state === "hidden" ? "is-unrevealed" : undefined,
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      ariaLabel: state === "hidden" ? undefined : verdict ? `${describeNode(node)}. ${describeVerdict(verdict)}` : describeNode(node),
    };
    cache.set(node, flowNode);
    return flowNode;
  });
}

/** The links whose ends are all revealed: both nodes, and for an undercut both ends of its link too. */
export function toPresentationEdges(doc: MapDoc, revealed: ReadonlySet<string>): PresentationFlowEdge[] {
  const result: PresentationFlowEdge[] = [];
  for (const edge of Object.values(doc.edges)) {
    const link = edge.relation === "undercuts" ? entryOf(doc.edges, edge.to) : undefined;
    if (edge.relation === "undercuts" && !link) continue;
    const ends = link ? [edge.from, link.from, link.to] : [edge.from, edge.to];
    if (!ends.every((id) => revealed.has(id))) continue;
    result.push({
      id: edge.id,
      type: "presentation",
      source: edge.from,
      target: link ? link.to : edge.to,
      sourceHandle: "out",
      targetHandle: "in",
      data: { edge, link },
      markerEnd: MARKERS[edge.relation],
      selectable: false,
      focusable: false,
    });
  }
  return result;
}
