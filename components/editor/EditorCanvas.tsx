"use client";
/**
 * The React Flow canvas, as a view of the map. React Flow proposes changes; this component keeps
 * what is view state (selection, measured sizes, positions mid-drag) and turns a drop (or an
 * arrow-key nudge) into one moveNodes op. Nothing else here changes the document. A big map
 * renders only what is in view (viewport.ts says from how many nodes).
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type OnConnectEnd,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent } from "react";
import { findEdgeBetween } from "@/lib/map/graph";
import { directReasons, mainClaims } from "@/lib/map/openingView";
import type { MapDoc } from "@/lib/map/types";
import { useStandState } from "../evaluation/StandContext";
import { RemotePointers } from "../presence/RemotePointers";
import { useCanvasPresence } from "../presence/useCanvasPresence";
import { ArgumentEdge } from "./ArgumentEdge";
import { ArgumentNode } from "./ArgumentNode";
import { EdgeLabelLayerProvider } from "./EdgeLabelLayer";
import { Overview } from "./Overview";
import { LinkGeometryProvider, useMapGeometry } from "./LinkGeometry";
import { PremiseEdge } from "./PremiseEdge";
import { UndercutEdge } from "./UndercutEdge";
import { useCanvasArrowKeys } from "./useCanvasArrowKeys";
import { useBringLinkIntoView, useBringNodeIntoView } from "./useFocusCanvasNode";
import {
  toFlowEdges,
  toFlowNodes,
  type ArgumentFlowEdge,
  type ArgumentFlowNode,
  type EdgeCache,
  type Measured,
  type NodeCache,
} from "./flowElements";
import { useFraming, type FrameRequest, type FrameTarget } from "./useFraming";
import { motionDuration } from "../motion";
import type { FoldView } from "@/lib/map/folding";
import { FIT_VIEW_OPTIONS, rendersInViewOnly } from "./viewport";

const nodeTypes = { argument: ArgumentNode };
const edgeTypes = { argument: ArgumentEdge, premise: PremiseEdge, undercut: UndercutEdge };
const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const EMPTY_POSITIONS: ReadonlyMap<string, { x: number; y: number }> = new Map();

export interface SelectionChange {
  id: string;
  selected: boolean;
}

export interface EditorCanvasProps {
  doc: MapDoc;
  editable: boolean;
  selectedNodeIds: ReadonlySet<string>;
  selectedEdgeIds: ReadonlySet<string>;
  editingId: string | null;
  onSelectionChange(kind: "nodes" | "edges", changes: SelectionChange[]): void;
  onMoveNodes(moves: { id: string; x: number; y: number }[]): void;
  /** A link drawn with the mouse: to a node, or dropped on a link (`onLink`: an undercut of it). */
  onConnectNodes(from: string, to: string, onLink?: boolean): void;
  onEditNode(nodeId: string): void;
  onAddAt(point: { x: number; y: number }): void;
  /** Select this node alone (arrow-key navigation between nodes). */
  onSelectNode(nodeId: string): void;
  /** Following a presenter: only these nodes (and links between them) are shown; null shows all. */
  revealed?: ReadonlySet<string> | null;
  /** This person's folding and focus: the nodes shown, and what each shows of its reasons. */
  fold: FoldView;
  focus: string | null;
  /** This person's search hits, and the one being shown. */
  found: { hits: ReadonlySet<string>; current: string | null };
}

const NO_FOUND = { hits: new Set<string>(), current: null };

/** What a screen reader says about a focused node or link (React Flow's default mentions keys we do not use). */
const ARIA_LABELS = {
  editable: {
    "node.a11yDescription.default":
      "Enter selects and edits the text; arrow keys go to the nearest node in that direction; S or R adds a support or rebuttal to the selected node, P a premise to a selected argument; Shift+arrows move it; Delete removes it.",
    "edge.a11yDescription.default": "Enter selects the link; U adds an objection that undercuts it; Delete removes it.",
  },
  readOnly: {
    "node.a11yDescription.default": "Enter selects the node; arrow keys go to the nearest node in that direction.",
    "edge.a11yDescription.default": "Enter selects the link.",
  },
};

function openingTarget(doc: MapDoc): FrameTarget | null {
  const main = mainClaims(doc)[0];
  return main === undefined ? null : { main, reasons: directReasons(doc, main) };
}

export function EditorCanvas(props: EditorCanvasProps) {
  const { doc, editable, selectedNodeIds, selectedEdgeIds, editingId } = props;
  const { screenToFlowPosition } = useReactFlow();
  const [nodeCache] = useState<NodeCache>(() => new WeakMap());
  const [edgeCache] = useState<EdgeCache>(() => new WeakMap());
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(() => new Map());
  const [dragging, setDragging] = useState(EMPTY_POSITIONS);
  const frame = useRef<HTMLDivElement>(null);
  const onArrowKeys = useCanvasArrowKeys(frame, props.onSelectNode);
  const bringNodeIntoView = useBringNodeIntoView();
  const bringLinkIntoView = useBringLinkIntoView(frame);
  // Tab to a node half off screen: show it whole; to a link off screen: show its label. (React
  // Flow pans only for a node wholly off screen, so its own pan is off.) Only keyboard focus: a
  // click is on what is already in view.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const target = event.target;
      if (!(target instanceof Element) || !target.matches(":focus-visible")) return;
      if (target instanceof HTMLElement && target.classList.contains("react-flow__node") && target.dataset.id) bringNodeIntoView(target.dataset.id);
      else if (target.classList.contains("react-flow__edge")) bringLinkIntoView(target);
    },
    [bringNodeIntoView, bringLinkIntoView],
  );
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  // While a link is being drawn, every node shows where a link can end.
  const [connecting, setConnecting] = useState(false);
  const onConnectStart = useCallback(() => setConnecting(true), []);
  useEffect(() => setLabelLayer(frame.current?.querySelector<HTMLElement>(".react-flow__edgelabel-renderer") ?? null), []);
  // Handlers read the latest props through a ref, so their identity never changes.
  const latest = useRef(props);
  latest.current = props;
  const presence = useCanvasPresence();
  const { remoteMarks, remoteDrags } = presence;
  const inViewOnly = useMemo(() => rendersInViewOnly(Object.keys(doc.nodes).length), [doc.nodes]);
  // Opens on the main claim and its direct reasons, chosen from the map as it first arrives;
  // glides to a claim when this person focuses on it, and back to it when they leave the focus.
  const [opening] = useState(() => openingTarget(doc));
  const { focus, fold } = props;
  const framing = useRef({ request: { key: "open", target: opening, duration: 0 } as FrameRequest, focus: null as string | null, count: 0 });
  if (framing.current.focus !== focus) {
    const around = focus ?? framing.current.focus!;
    framing.current = {
      focus,
      count: framing.current.count + 1,
      request: { key: `frame-${framing.current.count + 1}`, target: { main: around, reasons: directReasons(doc, around) }, duration: motionDuration(350) },
    };
  }
  useFraming(framing.current.request);

  const { live: evaluation, chain } = useStandState();
  const nodes = useMemo(
    () =>
      toFlowNodes(
        doc,
        {
          selected: selectedNodeIds,
          editingId,
          editable,
          measured,
          dragging,
          remoteMarks,
          remoteDrags,
          sizedBeforeRendering: inViewOnly,
          reasons: fold.reasons,
          found: props.found ?? NO_FOUND,
          evaluation,
          chain,
        },
        nodeCache,
      ),
    [doc, selectedNodeIds, editingId, editable, measured, dragging, remoteMarks, remoteDrags, inViewOnly, nodeCache, fold.reasons, props.found, evaluation, chain],
  );
  const edges = useMemo(
    () => toFlowEdges(doc, { selected: selectedEdgeIds, editable }, edgeCache),
    [doc, selectedEdgeIds, editable, edgeCache],
  );
  // What this person sees: what a presenter has revealed, less what their folding hides.
  const { revealed } = props;
  const shown = useMemo(() => {
    if (!revealed) return fold.shown;
    if (!fold.shown) return revealed;
    return new Set([...revealed].filter((id) => fold.shown!.has(id)));
  }, [revealed, fold.shown]);
  const shownNodes = useMemo(() => (shown ? nodes.map((node) => (shown.has(node.id) ? node : { ...node, hidden: true })) : nodes), [nodes, shown]);
  const geometry = useMapGeometry(doc, measured, shown);
  const shownEdges = useMemo(
    () =>
      shown
        ? edges.map((edge) => {
            // An undercut also needs the reason of the link it objects to.
            const visible = shown.has(edge.source) && shown.has(edge.target) && (!edge.data?.link || shown.has(edge.data.link.from));
            return visible ? edge : { ...edge, hidden: true };
          })
        : edges,
    [edges, shown],
  );

  const onNodesChange = useCallback((changes: NodeChange<ArgumentFlowNode>[]) => {
    const sizes = new Map<string, Measured>();
    const dragged = new Map<string, { x: number; y: number }>();
    const dropped: { id: string; x: number; y: number }[] = [];
    const selection: SelectionChange[] = [];
    for (const change of changes) {
      if (change.type === "dimensions" && change.dimensions) {
        sizes.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
      } else if (change.type === "position" && change.position) {
        if (change.dragging) dragged.set(change.id, change.position);
        else dropped.push({ id: change.id, x: Math.round(change.position.x), y: Math.round(change.position.y) });
      } else if (change.type === "select") {
        selection.push({ id: change.id, selected: change.selected });
      }
    }
    if (sizes.size > 0) {
      setMeasured((previous) => {
        let next: Map<string, Measured> | null = null;
        for (const [id, size] of sizes) {
          const old = previous.get(id);
          if (old && old.width === size.width && old.height === size.height) continue;
          next ??= new Map(previous);
          next.set(id, size);
        }
        return next ?? previous;
      });
    }
    if (dragged.size > 0) {
      setDragging((previous) => new Map([...previous, ...dragged]));
      presence.onDrag(dragged);
    }
    if (dropped.length > 0) {
      latest.current.onMoveNodes(dropped);
      presence.onDrop(dropped);
      setDragging((previous) => {
        if (previous.size === 0) return previous;
        const next = new Map(previous);
        for (const move of dropped) next.delete(move.id);
        return next.size === 0 ? EMPTY_POSITIONS : next;
      });
    }
    if (selection.length > 0) latest.current.onSelectionChange("nodes", selection);
  }, [presence.onDrag, presence.onDrop]);

  const onEdgesChange = useCallback((changes: EdgeChange<ArgumentFlowEdge>[]) => {
    const selection: SelectionChange[] = [];
    for (const change of changes) if (change.type === "select") selection.push({ id: change.id, selected: change.selected });
    if (selection.length > 0) latest.current.onSelectionChange("edges", selection);
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    latest.current.onConnectNodes(connection.source, connection.target);
  }, []);

  // A link dropped on another node's body (not on its handle) links to that node: "drag to the
  // node it supports" is what users do. React Flow only connects within reach of a handle.
  const onConnectEnd = useCallback<OnConnectEnd>((event, connection) => {
    setConnecting(false);
    if (connection.isValid || !connection.fromNode || !connection.fromHandle) return;
    const point = "changedTouches" in event ? event.changedTouches[0] : event;
    if (!point) return;
    const under = document.elementFromPoint(point.clientX, point.clientY);
    // Dropped on a link (its line or its label) from a node's top: an objection to that link.
    const onLink = under?.closest<Element>(".react-flow__edge, [data-testid='edge-label']");
    const linkId = onLink && frame.current?.contains(onLink) ? (onLink.getAttribute("data-id") ?? undefined) : undefined;
    if (linkId && connection.fromHandle.type === "source") return latest.current.onConnectNodes(connection.fromNode.id, linkId, true);
    const dropped = under?.closest<HTMLElement>(".react-flow__node");
    const other = dropped && frame.current?.contains(dropped) ? dropped.dataset.id : undefined;
    if (!other || other === connection.fromNode.id) return;
    if (connection.fromHandle.type === "source") latest.current.onConnectNodes(connection.fromNode.id, other);
    else latest.current.onConnectNodes(other, connection.fromNode.id);
  }, []);

  const isValidConnection = useCallback<IsValidConnection<ArgumentFlowEdge>>(
    (connection) =>
      connection.source !== connection.target &&
      !findEdgeBetween(latest.current.doc, connection.source, connection.target),
    [],
  );

  const onNodeDoubleClick = useCallback((_event: MouseEvent, node: ArgumentFlowNode) => {
    if (latest.current.editable) latest.current.onEditNode(node.id);
  }, []);

  const onDoubleClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      const target = event.target as Element;
      if (!latest.current.editable || !target.classList.contains("react-flow__pane")) return;
      latest.current.onAddAt(screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [screenToFlowPosition],
  );

  return (
    <div
      className={connecting ? "canvas is-connecting" : "canvas"}
      data-testid="map-canvas"
      onDoubleClick={onDoubleClick}
      onKeyDownCapture={onArrowKeys}
      onFocus={onFocus}
      onPointerMove={presence.onPointerMove}
      onPointerLeave={presence.onPointerLeave}
      ref={frame}
    >
      <EdgeLabelLayerProvider value={labelLayer}>
        <LinkGeometryProvider value={geometry}>
        <ReactFlow<ArgumentFlowNode, ArgumentFlowEdge>
          nodes={shownNodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeDoubleClick={onNodeDoubleClick}
          nodesDraggable={editable}
          nodesConnectable={editable}
          elementsSelectable
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionMode={SelectionMode.Partial}
          zoomOnDoubleClick={false}
          connectionRadius={32}
          minZoom={0.1}
          maxZoom={2}
          onlyRenderVisibleElements={inViewOnly}
          autoPanOnNodeFocus={false}
          aria-label="Argument map"
          ariaLabelConfig={editable ? ARIA_LABELS.editable : ARIA_LABELS.readOnly}
        >
          <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color="var(--canvas-dots)" />
          <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT_VIEW_OPTIONS} />
          <Overview />
          <RemotePointers />
        </ReactFlow>
        </LinkGeometryProvider>
      </EdgeLabelLayerProvider>
    </div>
  );
}
