"use client";
/**
 * The audience's screen: the map revealed one step at a time, the camera gliding to each step,
 * the current nodes' quotes in large type, progress, and the controls (keys and buttons).
 */
import { ReactFlow, useStore, type NodeChange, type ReactFlowState } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { revealedAt, stepFocus } from "@/lib/map/presentation";
import { entryOf } from "@/lib/map/records";
import type { MapDoc, PresentationStep } from "@/lib/map/types";
import { LinkGeometryProvider, useMapGeometry } from "../editor/LinkGeometry";
import { rendersInViewOnly } from "../editor/viewport";
import { describeNode } from "../kinds";
import { useFrameNodes } from "./camera";
import { commandForKey, type PresentationCommand } from "./keys";
import { PresentationEdge } from "./PresentationEdge";
import { toPresentationEdges, toPresentationNodes, type PresentationFlowEdge, type PresentationFlowNode, type PresentationNodeCache } from "./presentationElements";
import { PresentationNode } from "./PresentationNode";
import { StageControls } from "./StageControls";
import { useStandOf } from "../evaluation/StandContext";
import { StepCaption } from "./StepCaption";
import type { StepState } from "./useStepChannel";
import "../room/room-panel.css";

const nodeTypes = { presentation: PresentationNode };
const edgeTypes = { presentation: PresentationEdge };
const FRAME = { padding: 0.18, maxZoom: 2.2, minZoom: 0.15 };
/** The map's title along the top of the stage: nodes are framed below it. */
const TITLE_HEIGHT = 48;

export interface StageProps {
  doc: MapDoc;
  steps: readonly PresentationStep[];
  state: StepState;
  onChange(next: StepState): void;
  onLeave(): void;
  onOpenPresenter(): void;
  /** Shown in the stage's top corner (who leads the room). */
  children?: ReactNode;
}

export function Stage({ doc, steps, state, onChange, onLeave, onOpenPresenter, children }: StageProps) {
  const { index, blank } = state;
  const [cache] = useState<PresentationNodeCache>(() => new WeakMap());
  const [fullscreen, setFullscreen] = useState(false);
  const overlay = useRef<HTMLDivElement>(null);
  const step = steps[index];

  const revealed = useMemo(() => revealedAt(steps, index), [steps, index]);
  const current = useMemo(() => new Set(step?.nodeIds ?? []), [step]);
  // Which claims stand: on by itself at the last step (the debate laid out, where does it stand?),
  // until the presenter switches it either way.
  const [standChoice, setStandChoice] = useState<boolean | null>(null);
  const standOn = standChoice ?? (steps.length > 0 && index === steps.length - 1);
  const stand = useStandOf(doc, standOn, setStandChoice);
  const evaluation = stand.state.live;
  const nodes = useMemo(() => toPresentationNodes(doc, revealed, current, cache, evaluation), [doc, revealed, current, cache, evaluation]);
  const edges = useMemo(() => toPresentationEdges(doc, revealed), [doc, revealed]);
  // Links are routed round the revealed nodes, at the size React Flow measured them, as on the canvas.
  const [sizes, setSizes] = useState<ReadonlyMap<string, { width: number; height: number }>>(() => new Map());
  const onNodesChange = useCallback((changes: NodeChange<PresentationFlowNode>[]) => {
    const measured = changes.flatMap((change) => (change.type === "dimensions" && change.dimensions ? [[change.id, change.dimensions] as const] : []));
    if (measured.length === 0) return;
    setSizes((previous) => {
      const changed = measured.filter(([id, size]) => previous.get(id)?.width !== size.width || previous.get(id)?.height !== size.height);
      return changed.length === 0 ? previous : new Map([...previous, ...changed]);
    });
  }, []);
  const geometry = useMapGeometry(doc, sizes, revealed);

  const go = useCallback((to: number) => onChange({ index: Math.max(0, Math.min(steps.length - 1, to)), blank }), [onChange, steps.length, blank]);
  const toggleBlank = useCallback(() => onChange({ index, blank: !blank }), [onChange, index, blank]);
  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    const onFullscreenChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onFullscreenChange);
    return () => document.removeEventListener("fullscreenchange", onFullscreenChange);
  }, []);

  const run = useCallback(
    (command: PresentationCommand) => {
      if (command === "next") go(index + 1);
      else if (command === "previous") go(index - 1);
      else if (command === "first") go(0);
      else if (command === "last") go(steps.length - 1);
      else if (command === "blank") toggleBlank();
      else if (command === "fullscreen") toggleFullscreen();
      else if (command === "presenter") onOpenPresenter();
      else if (command === "stand") setStandChoice(!standOn);
      // Esc first lifts a blank screen; pressed again, it leaves.
      else if (command === "leave") blank ? toggleBlank() : onLeave();
    },
    [go, index, steps.length, toggleBlank, toggleFullscreen, onOpenPresenter, blank, onLeave, standOn],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [run]);

  // The camera follows the step. Framing reads the latest doc, but only a new step (or a changed
  // set of nodes to frame) moves it: an edit elsewhere in the map leaves the view alone.
  const frame = useFrameNodes(doc, FRAME);
  const focus = useMemo(() => stepFocus(doc, steps, index), [doc, steps, index]);
  const focusKey = `${index}:${focus.join(",")}`;
  const latestFrame = useRef(() => {});
  const insets = () => ({ topInset: TITLE_HEIGHT, bottomInset: overlay.current?.offsetHeight ?? 0 });
  latestFrame.current = () => frame(focus, { ...insets(), instant: true });
  // React Flow measures nodes after they mount; frame the first step once its nodes are measured.
  const measured = useStore(useCallback((store: ReactFlowState) => focus.every((id) => store.nodeLookup.get(id)?.measured.width), [focusKey]));
  const framed = useRef(false);
  useEffect(() => {
    if (!measured && !framed.current) return;
    frame(focus, { ...insets(), instant: !framed.current });
    framed.current = true;
    // focusKey stands for focus, whose array is new on every render.
  }, [measured, focusKey]);
  useEffect(() => {
    const onResize = () => latestFrame.current();
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);

  return (
    <div className="present" data-testid="present-stage" data-blank={blank ? "true" : "false"}>
      <h1 className="present__title">{doc.meta.title}</h1>
      {children && <div className="present__corner">{children}</div>}
      <div className="present__canvas">
        <LinkGeometryProvider value={geometry}>
        <ReactFlow<PresentationFlowNode, PresentationFlowEdge>
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          // A big map: once React Flow has measured every node (it renders each once for that),
          // only those in view stay on the stage, and each glide moves fewer of them.
          onlyRenderVisibleElements={rendersInViewOnly(nodes.length)}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          panActivationKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          deleteKeyCode={null}
          zoomOnDoubleClick={false}
          minZoom={0.1}
          maxZoom={3}
          proOptions={{ hideAttribution: true }}
          aria-label="Argument map, revealed step by step"
        />
        </LinkGeometryProvider>
      </div>
      <div className="present__overlay" ref={overlay}>
        {step && <StepCaption doc={doc} step={step} />}
        <StageControls
          index={index}
          count={steps.length}
          blank={blank}
          fullscreen={fullscreen}
          onPrevious={() => go(index - 1)}
          onNext={() => go(index + 1)}
          onBlank={toggleBlank}
          onFullscreen={toggleFullscreen}
          onPresenter={onOpenPresenter}
          onLeave={onLeave}
          stand={standOn}
          onStand={() => setStandChoice(!standOn)}
        />
      </div>
      {steps.length === 0 && <p className="present__empty">This map has nothing to present yet: add a claim first.</p>}
      <StepAnnouncement doc={doc} step={step} index={index} count={steps.length} />
      {blank && (
        <button type="button" className="present__blank" data-testid="present-blank-screen" aria-label="Blank screen. Press B or click to show the map again" onClick={toggleBlank} />
      )}
    </div>
  );
}

/** The step in words, for screen readers (announced as it changes) and for tests. */
function StepAnnouncement({ doc, step, index, count }: { doc: MapDoc; step: PresentationStep | undefined; index: number; count: number }) {
  const nodes = step ? step.nodeIds.flatMap((id) => entryOf(doc.nodes, id) ?? []) : [];
  const text = step ? `Step ${index + 1} of ${count}. ${nodes.map((node) => describeNode(node, doc)).join(". ")}` : "";
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="present-step" data-index={index}>
      {text}
    </p>
  );
}
