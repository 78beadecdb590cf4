/**
 * The map document as React Flow nodes and edges. Each node's flow object is cached by the
 * ArgNode object it came from (ops replace only the records they touch), so an unchanged node
 * keeps the very same flow object and React Flow skips it. View state (selection, measured size,
 * a position mid-drag, text editing) is laid over the cached object only where it differs.
 */
import { MarkerType, Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import { describeLink } from "@/lib/map/describe";
import { estimateNodeSize } from "@/lib/map/layout";
import { checkQuote, quoteIsFlagged } from "@/lib/map/quotes/check";
import { entryOf } from "@/lib/map/records";
import type { ArgEdge, ArgNode, MapDoc, Relation, Source } from "@/lib/map/types";
import type { RemoteDrags, RemoteMarks, RemoteNodeMarks } from "@/lib/sync/presence-view";
import { describeNode, RELATION_COLOR } from "../kinds";
import type { LiveEvaluation } from "../evaluation/useMapEvaluation";
import { describeVerdict, verdictIn, type Verdict } from "../evaluation/verdict";

export interface ArgumentNodeData extends Record<string, unknown> {
  node: ArgNode;
  source: Source | null;
  editing: boolean;
  editable: boolean;
  /** Other people's selection of this node and typing in it. */
  remote: RemoteNodeMarks | undefined;
  /** For an argument: how many premises it holds. */
  premises: number;
  /** Its reasons, if it has any: how many, how many this person's folding hides, whether it is open. */
  reasons: ReasonsShown | undefined;
  /** Where it stands in this person's search: a hit, or the hit being shown. */
  found: "hit" | "current" | undefined;
  /** Which claims stand: its label and strength, when the overlay is on. */
  verdict: Verdict | undefined;
  /** Named by the why line being read: drawn highlighted. */
  inChain: boolean;
}
export interface ReasonsShown {
  total: number;
  hidden: number;
  open: boolean;
}
export type ArgumentFlowNode = Node<ArgumentNodeData, "argument">;

export interface ArgumentEdgeData extends Record<string, unknown> {
  edge: ArgEdge;
  editable: boolean;
  fromNode: ArgNode | undefined;
  toNode: ArgNode | undefined;
  /** For an undercut: the link it objects to (the flow edge's target is that link's node). */
  link?: ArgEdge;
  /** For an undercut: that link's reason node (its ends' versions invalidate the cache). */
  linkFrom?: ArgNode;
}
/** A link as drawn: "argument" (supports, rebuts), "premise" or "undercut", each by its own component. */
export type ArgumentFlowEdge = Edge<ArgumentEdgeData, "argument" | "premise" | "undercut">;

export interface Measured {
  width: number;
  height: number;
}

export interface NodeViewState {
  selected: ReadonlySet<string>;
  editingId: string | null;
  editable: boolean;
  measured: ReadonlyMap<string, Measured>;
  /** Positions of nodes being dragged right now (the document keeps their old place until drop). */
  dragging: ReadonlyMap<string, { x: number; y: number }>;
  remoteMarks: RemoteMarks;
  /** Where other people are dragging nodes (this user's own drag wins). */
  remoteDrags: RemoteDrags;
  /**
   * Give React Flow every node's size (estimated until measured) and handles up front. When it
   * renders only the nodes in view it needs them to tell which those are and to draw links to the
   * others; without them it would render every node once, just to measure it.
   */
  sizedBeforeRendering: boolean;
  /** Per node with reasons, what this person's folding shows of them. */
  reasons: ReadonlyMap<string, ReasonsShown>;
  /** This person's search: its hits, and the one being shown. */
  found: { hits: ReadonlySet<string>; current: string | null };
  /** The live evaluation while the "which claims stand" overlay is on, else null. */
  evaluation: LiveEvaluation | null;
  /** The nodes the open why line names. */
  chain: ReadonlySet<string>;
}

const sameReasons = (a: ReasonsShown | undefined, b: ReasonsShown | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.total === b.total && a.hidden === b.hidden && a.open === b.open);

/** As canvas.css draws them: 56 × 10 px, centred, reaching 6 px beyond the top or bottom edge. */
const HANDLE = { width: 56, height: 10, beyond: 6 };
const estimates = new WeakMap<ArgNode, Measured>();
const handlesBySize = new WeakMap<Measured, NodeHandle[]>();

function estimatedSize(node: ArgNode): Measured {
  let size = estimates.get(node);
  if (!size) estimates.set(node, (size = estimateNodeSize(node)));
  return size;
}

/** A node's handles where React Flow would measure them: where its links start and end. */
function handlesOf(size: Measured): NodeHandle[] {
  let handles = handlesBySize.get(size);
  if (handles) return handles;
  const { width, height, beyond } = HANDLE;
  const x = size.width / 2 - width / 2;
  handles = [
    { id: "out", type: "source", position: Position.Top, x, y: -beyond, width, height },
    { id: "in", type: "target", position: Position.Bottom, x, y: size.height + beyond - height, width, height },
  ];
  handlesBySize.set(size, handles);
  return handles;
}

export type NodeCache = WeakMap<ArgNode, ArgumentFlowNode>;
export type EdgeCache = WeakMap<ArgEdge, ArgumentFlowEdge>;

/** How many premises each argument holds. */
function premiseCounts(doc: MapDoc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const edge of Object.values(doc.edges)) if (edge.relation === "premise") counts.set(edge.to, (counts.get(edge.to) ?? 0) + 1);
  return counts;
}

export function toFlowNodes(doc: MapDoc, view: NodeViewState, cache: NodeCache): ArgumentFlowNode[] {
  const result: ArgumentFlowNode[] = [];
  const counts = premiseCounts(doc);
  for (const node of Object.values(doc.nodes)) {
    const premises = node.kind === "argument" ? (counts.get(node.id) ?? 0) : 0;
    const selected = view.selected.has(node.id);
    const editing = view.editingId === node.id;
    const measured = view.measured.get(node.id) ?? (view.sizedBeforeRendering ? estimatedSize(node) : undefined);
    const source = node.sourceId === null ? null : (entryOf(doc.sources, node.sourceId) ?? null);
    const dragPosition = view.dragging.get(node.id);
    const livePosition = dragPosition ?? view.remoteDrags.get(node.id);
    const remote = view.remoteMarks.get(node.id);
    const reasons = view.reasons.get(node.id);
    const found = view.found.current === node.id ? "current" : view.found.hits.has(node.id) ? "hit" : undefined;
    const verdict = view.evaluation ? verdictIn(view.evaluation, node.id) : undefined;
    const inChain = view.chain.has(node.id);
    const cached = cache.get(node);
    if (
      cached &&
      !livePosition &&
      cached.data.remote === remote &&
      cached.selected === selected &&
      cached.measured === measured &&
      (cached.handles !== undefined) === view.sizedBeforeRendering &&
      cached.data.editing === editing &&
      cached.data.source === source &&
      cached.data.editable === view.editable &&
      cached.data.premises === premises &&
      cached.data.found === found &&
      sameReasons(cached.data.reasons, reasons) &&
      cached.data.verdict === verdict &&
      cached.data.inChain === inChain
    ) {
      result.push(cached);
      continue;
    }
    const flowNode: ArgumentFlowNode = {
      id: node.id,
      type: "argument",
      position: livePosition ?? { x: node.x, y: node.y },
      data: { node, source, editing, editable: view.editable, remote, premises, reasons, found, verdict, inChain },
      selected,
      dragging: dragPosition !== undefined,
      measured,
      draggable: view.editable && !editing,
      connectable: view.editable,
      ariaLabel: [
        describeNode(node, doc),
        quoteIsFlagged(checkQuote(node, source)) ? "Its quote is not found in its source." : "",
        verdict ? describeVerdict(verdict) : "",
      ]
        .filter(Boolean)
        .join(". "),
    };
    if (view.sizedBeforeRendering && measured) flowNode.handles = handlesOf(measured);
    if (editing && !measured) {
      // React Flow hides a node until it has measured it, and a hidden text field cannot take
      // focus: a size to start with lets a new node take the user's first keystrokes.
      const size = estimateNodeSize(node);
      flowNode.initialWidth = size.width;
      flowNode.initialHeight = size.height;
    }
    if (!livePosition) cache.set(node, flowNode);
    result.push(flowNode);
  }
  return result;
}

const marker = (relation: Relation) => ({ type: MarkerType.ArrowClosed, color: RELATION_COLOR[relation], width: 18, height: 18 });
/** Premises have no arrowhead: they join their argument's box. */
export const MARKERS: Record<Relation, ReturnType<typeof marker> | undefined> = {
  supports: marker("supports"),
  rebuts: marker("rebuts"),
  premise: undefined,
  undercuts: marker("undercuts"),
};

export function toFlowEdges(
  doc: MapDoc,
  view: { selected: ReadonlySet<string>; editable: boolean },
  cache: EdgeCache,
): ArgumentFlowEdge[] {
  const result: ArgumentFlowEdge[] = [];
  for (const edge of Object.values(doc.edges)) {
    const selected = view.selected.has(edge.id);
    const fromNode = entryOf(doc.nodes, edge.from);
    const link = edge.relation === "undercuts" ? entryOf(doc.edges, edge.to) : undefined;
    // An undercut is drawn between nodes as React Flow needs, to its link's node; it ends on the link itself.
    const target = link ? link.to : edge.to;
    const toNode = entryOf(doc.nodes, target);
    const linkFrom = link && entryOf(doc.nodes, link.from);
    if (edge.relation === "undercuts" && !link) continue;
    const cached = cache.get(edge);
    if (
      cached &&
      cached.selected === selected &&
      cached.data?.editable === view.editable &&
      cached.data.fromNode === fromNode &&
      cached.data.toNode === toNode &&
      cached.data.link === link &&
      cached.data.linkFrom === linkFrom
    ) {
      result.push(cached);
      continue;
    }
    const flowEdge = {
      id: edge.id,
      type: edge.relation === "undercuts" ? "undercut" : edge.relation === "premise" ? "premise" : "argument",
      source: edge.from,
      target,
      sourceHandle: "out",
      targetHandle: "in",
      selected,
      data: { edge, editable: view.editable, fromNode, toNode, link, linkFrom },
      markerEnd: MARKERS[edge.relation],
      ariaLabel: describeLink(doc, edge),
    } as ArgumentFlowEdge;
    cache.set(edge, flowEdge);
    result.push(flowEdge);
  }
  return result;
}
