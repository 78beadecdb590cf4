"use client";
/** One step in the path editor: its nodes, its place (drag, or the up and down buttons), its notes. */
import { memo, type DragEvent } from "react";
import type { PathEdit } from "@/lib/actions/presentation";
import { entryOf } from "@/lib/map/records";
import type { MapDoc, PresentationStep } from "@/lib/map/types";
import { LIMITS } from "@/lib/map/limits";
import { CrossIcon } from "../icons";
import { excerpt, KIND_ICON, KIND_LABEL } from "../kinds";
import { CommitField } from "../panel/CommitField";
import { ArrowDownIcon, ArrowUpIcon, GripIcon } from "./presentIcons";

export interface DropPlace {
  stepId: string;
  targetId: string;
  position: "before" | "after";
}

export interface PathStepItemProps {
  doc: MapDoc;
  step: PresentationStep;
  index: number;
  count: number;
  selected: boolean;
  dragging: boolean;
  drop: "before" | "after" | null;
  onMove(stepId: string, delta: number): void;
  onEdit(edit: PathEdit, announcement: string): void;
  onSelect(selection: { nodeIds: string[]; edgeIds: string[] }): void;
  onDragStart(stepId: string): void;
  onDragOver(targetId: string, position: "before" | "after"): void;
  onDrop(targetId: string, position: "before" | "after"): void;
  onDragEnd(): void;
}

const placeOf = (event: DragEvent<HTMLElement>): "before" | "after" => {
  const box = event.currentTarget.getBoundingClientRect();
  return event.clientY < box.top + box.height / 2 ? "before" : "after";
};

function PathStepItemView(props: PathStepItemProps) {
  const { doc, step, index, count, selected, dragging, drop, onEdit } = props;
  const nodes = step.nodeIds.flatMap((id) => entryOf(doc.nodes, id) ?? []);
  const number = index + 1;
  return (
    <li
      className={`path-step${dragging ? " is-dragging" : ""}${drop ? ` is-drop-${drop}` : ""}${selected ? " is-selected" : ""}`}
      data-testid="path-step"
      data-step-id={step.id}
      data-index={index}
      data-selected={selected ? "true" : "false"}
      draggable
      onDragStart={(event) => {
        // Only the step itself is dragged; text in its notes field is selected as usual.
        if ((event.target as HTMLElement).closest("textarea, input")) return;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", step.id);
        props.onDragStart(step.id);
      }}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        props.onDragOver(step.id, placeOf(event));
      }}
      onDrop={(event) => {
        event.preventDefault();
        props.onDrop(step.id, placeOf(event));
      }}
      onDragEnd={props.onDragEnd}
    >
      <div className="path-step__head">
        <span className="path-step__grip" aria-hidden="true" title="Drag to reorder">
          <GripIcon size={16} />
        </span>
        <span className="path-step__number">
          <span className="visually-hidden">Step </span>
          {number}
        </span>
        <span className="path-step__move">
          <button
            type="button"
            className="icon-button icon-button--small"
            disabled={index === 0}
            onClick={() => props.onMove(step.id, -1)}
            aria-label={`Move step ${number} up`}
            title="Move up"
            data-testid="path-step-up"
          >
            <ArrowUpIcon size={16} />
          </button>
          <button
            type="button"
            className="icon-button icon-button--small"
            disabled={index === count - 1}
            onClick={() => props.onMove(step.id, 1)}
            aria-label={`Move step ${number} down`}
            title="Move down"
            data-testid="path-step-down"
          >
            <ArrowDownIcon size={16} />
          </button>
        </span>
      </div>
      <ul className="path-step__nodes">
        {nodes.map((node) => {
          const Icon = KIND_ICON[node.kind];
          return (
            <li key={node.id} className={`path-step__node path-step__node--${node.kind}`} data-node-id={node.id}>
              <button type="button" className="path-node" onClick={() => props.onSelect({ nodeIds: [node.id], edgeIds: [] })} title="Select on the canvas">
                <Icon size={14} />
                <span className="visually-hidden">{KIND_LABEL[node.kind]}: </span>
                {excerpt(node.text, 80)}
              </button>
              <button
                type="button"
                className="icon-button icon-button--small"
                onClick={() => onEdit({ type: "skip", nodeId: node.id }, "Node left out of the path.")}
                aria-label={`Leave out of the path: ${excerpt(node.text, 40)}`}
                title="Leave out of the path"
                data-testid="path-skip"
              >
                <CrossIcon size={14} />
              </button>
            </li>
          );
        })}
      </ul>
      {nodes.length > 1 && (
        <button type="button" className="link-button path-step__ungroup" onClick={() => onEdit({ type: "ungroup", stepId: step.id }, "Step split into one step per node.")} data-testid="path-ungroup">
          Split into {nodes.length} steps
        </button>
      )}
      <CommitField
        label={`Speaker notes for step ${number}`}
        value={step.notes}
        multiline
        rows={2}
        maxLength={LIMITS.notesLength}
        placeholder="Only you see these, in the presenter view"
        onCommit={(notes) => onEdit({ type: "notes", stepId: step.id, notes }, "Notes saved.")}
        testId="path-notes"
      />
    </li>
  );
}

const sameNodes = (a: PathStepItemProps, b: PathStepItemProps) =>
  a.step.nodeIds.length === b.step.nodeIds.length && a.step.nodeIds.every((id, i) => id === b.step.nodeIds[i] && entryOf(a.doc.nodes, id) === entryOf(b.doc.nodes, id));

/** Re-rendered only when what it shows changes: resolvedSteps gives new step objects on every edit. */
export const PathStepItem = memo(
  PathStepItemView,
  (a, b) =>
    a.step.id === b.step.id &&
    a.step.notes === b.step.notes &&
    a.index === b.index &&
    a.count === b.count &&
    a.selected === b.selected &&
    a.dragging === b.dragging &&
    a.drop === b.drop &&
    a.onMove === b.onMove &&
    a.onEdit === b.onEdit &&
    a.onSelect === b.onSelect &&
    sameNodes(a, b),
);
