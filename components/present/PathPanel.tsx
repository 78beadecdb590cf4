"use client";
/**
 * The presentation path editor, beside the canvas: the steps in order (drag them, or move them
 * with the up and down buttons), the nodes left out, grouping the canvas selection into one step,
 * speaker notes, and a reset to the default order. Every change is one updateMap op (one undo step).
 */
import "./path.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { pathEditOp, type PathEdit } from "@/lib/actions/presentation";
import type { Op } from "@/lib/map/ops";
import { resolvedSteps, skippedNodes } from "@/lib/map/presentation";
import { entryOf } from "@/lib/map/records";
import type { MapDoc } from "@/lib/map/types";
import { CrossIcon, PlusIcon } from "../icons";
import { excerpt, KIND_ICON, KIND_LABEL } from "../kinds";
import { PathStepItem, type DropPlace } from "./PathStepItem";
import { GroupIcon } from "./presentIcons";

export interface PathPanelProps {
  doc: MapDoc;
  selectedNodeIds: readonly string[];
  dispatch(ops: Op[]): boolean;
  select(selection: { nodeIds: string[]; edgeIds: string[] }): void;
  onClose(): void;
}

export function PathPanel({ doc, selectedNodeIds, dispatch, select, onClose }: PathPanelProps) {
  const steps = useMemo(() => resolvedSteps(doc), [doc]);
  const skipped = useMemo(() => skippedNodes(doc, steps), [doc, steps]);
  const custom = doc.meta.presentation !== null;
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<DropPlace | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ stepId: string; direction: "up" | "down" } | null>(null);
  const selected = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const groupable = selectedNodeIds.filter((id) => entryOf(doc.nodes, id));

  // Handlers read the latest map through a ref, so their identity never changes and a step's
  // row re-renders only when what it shows changes.
  const latest = useRef({ doc, steps, dispatch, dragging });
  latest.current = { doc, steps, dispatch, dragging };

  const edit = useCallback((change: PathEdit, message: string) => {
    const op = pathEditOp(latest.current.doc, change);
    if (op && latest.current.dispatch([op])) setAnnouncement(message);
  }, []);

  const move = useCallback(
    (stepId: string, delta: number) => {
      const all = latest.current.steps;
      const to = Math.max(0, Math.min(all.length - 1, all.findIndex((step) => step.id === stepId) + delta));
      refocus.current = { stepId, direction: delta < 0 ? "up" : "down" };
      edit({ type: "moveBy", stepId, delta }, `Step moved to position ${to + 1} of ${all.length}.`);
    },
    [edit],
  );

  const onDragOver = useCallback((targetId: string, position: "before" | "after") => {
    const stepId = latest.current.dragging;
    if (!stepId) return;
    setDrop((current) => (current?.targetId === targetId && current.position === position ? current : { stepId, targetId, position }));
  }, []);

  const onDrop = useCallback(
    (targetId: string, position: "before" | "after") => {
      const stepId = latest.current.dragging;
      const all = latest.current.steps;
      setDrop(null);
      setDragging(null);
      const from = all.findIndex((step) => step.id === stepId);
      const target = all.findIndex((step) => step.id === targetId);
      if (!stepId || from < 0 || target < 0) return;
      const insertAt = position === "before" ? target : target + 1;
      const to = from < insertAt ? insertAt - 1 : insertAt;
      edit({ type: "move", stepId, toIndex: to }, `Step moved to position ${to + 1} of ${all.length}.`);
    },
    [edit],
  );

  const onDragEnd = useCallback(() => {
    setDragging(null);
    setDrop(null);
  }, []);

  // A moved step keeps the keyboard focus on its button (or the other one once it hits an end).
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    const item = list.current?.querySelector<HTMLElement>(`[data-step-id="${CSS.escape(wanted.stepId)}"]`);
    const button = item?.querySelector<HTMLButtonElement>(`[data-testid="path-step-${wanted.direction}"]`);
    const other = item?.querySelector<HTMLButtonElement>(`[data-testid="path-step-${wanted.direction === "up" ? "down" : "up"}"]`);
    (button && !button.disabled ? button : other)?.focus();
  }, [steps]);

  // The steps holding the canvas selection come into view.
  useEffect(() => {
    const first = list.current?.querySelector<HTMLElement>('[data-selected="true"]');
    first?.scrollIntoView?.({ block: "nearest" });
  }, [selected]);

  return (
    <aside className="side-panel path-panel" aria-labelledby="path-panel-title" data-testid="path-panel">
      <div className="panel-body">
        <div className="path-panel__head">
          <h2 className="panel-title" id="path-panel-title">
            Presentation path
          </h2>
          <button type="button" className="icon-button icon-button--small" onClick={onClose} aria-label="Close the presentation path" data-testid="path-close">
            <CrossIcon size={16} />
          </button>
        </div>
        <p className="path-panel__summary" data-testid="path-summary" data-custom={custom ? "true" : "false"}>
          {custom ? "Your own order" : "Default order: each claim, then its supports and rebuttals"} · {steps.length} step{steps.length === 1 ? "" : "s"}
          {skipped.length > 0 && ` · ${skipped.length} left out`}
        </p>
        <div className="path-panel__actions">
          <button
            type="button"
            className="button button--small"
            disabled={groupable.length < 2}
            onClick={() => edit({ type: "group", nodeIds: groupable }, `${groupable.length} nodes grouped into one step.`)}
            data-testid="path-group"
            title="Select two or more nodes on the canvas to show them together in one step"
          >
            <GroupIcon size={14} />
            {groupable.length < 2 ? "Group into one step" : `Group ${groupable.length} selected into one step`}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            disabled={!custom}
            onClick={() => edit({ type: "reset" }, "Path reset to the default order.")}
            data-testid="path-reset"
          >
            Reset to default order
          </button>
        </div>
        {groupable.length < 2 && <p className="field__hint">Select two or more nodes on the canvas (Shift-click) to show them in one step.</p>}
        {steps.length === 0 ? (
          <p className="muted">Nothing to present yet: add a claim first.</p>
        ) : (
          <ol className="path-steps" ref={list} aria-label="Steps, in the order they are shown">
            {steps.map((step, index) => (
              <PathStepItem
                key={step.id}
                doc={doc}
                step={step}
                index={index}
                count={steps.length}
                selected={step.nodeIds.some((id) => selected.has(id))}
                dragging={dragging === step.id}
                drop={drop?.targetId === step.id ? drop.position : null}
                onMove={move}
                onEdit={edit}
                onSelect={select}
                onDragStart={setDragging}
                onDragOver={onDragOver}
                onDrop={onDrop}
                onDragEnd={onDragEnd}
              />
            ))}
          </ol>
        )}
        {skipped.length > 0 && (
          <section className="panel-section" aria-labelledby="path-skipped-title" data-testid="path-skipped">
            <h3 id="path-skipped-title">Left out of the path</h3>
            <ul className="path-skipped">
              {skipped.map((id) => {
                const node = entryOf(doc.nodes, id)!;
                const Icon = KIND_ICON[node.kind];
                return (
                  <li key={id} className="path-skipped__item" data-node-id={id}>
                    <button type="button" className="path-node" onClick={() => select({ nodeIds: [id], edgeIds: [] })} title="Select on the canvas">
                      <Icon size={14} />
                      <span className="visually-hidden">{KIND_LABEL[node.kind]}: </span>
                      {excerpt(node.text, 70)}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() => edit({ type: "restore", nodeId: id }, "Node added back to the path.")}
                      data-testid="path-unskip"
                      aria-label={`Add back to the path: ${excerpt(node.text, 40)}`}
                    >
                      <PlusIcon size={14} />
                      Add back
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>
    </aside>
  );
}
