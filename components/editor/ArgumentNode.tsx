"use client";
/**
 * One node on the canvas: its kind (label, symbol and border), text, speaker, source and quote.
 * An argument holds a reason whole: its box says how many premises join it from below.
 */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { KIND_ICON, KIND_LABEL } from "../kinds";
import { RemoteNodeMarks } from "../presence/RemoteNodeMarks";
import { QuoteIcon, SourceIcon } from "../icons";
import type { ArgumentFlowNode } from "./flowElements";
import { NodeTextEditor } from "./NodeTextEditor";

function ArgumentNodeView({ id, data, selected }: NodeProps<ArgumentFlowNode>) {
  const { node, source, editing, editable, remote, premises } = data;
  const isArgument = node.kind === "argument";
  const Icon = KIND_ICON[node.kind];
  const quote = node.quote.trim();
  return (
    <div
      className={`arg-node arg-node--${node.kind}${selected ? " is-selected" : ""}`}
      data-testid="node"
      data-kind={node.kind}
      data-id={id}
      data-selected={selected ? "true" : "false"}
    >
      {remote && <RemoteNodeMarks marks={remote} />}
      {/* Top: where this node's own links leave (toward what it supports or rebuts). */}
      <Handle
        type="source"
        id="out"
        position={Position.Top}
        isConnectable={editable}
        className={`arg-handle arg-handle--out${editable ? "" : " is-hidden"}`}
        title={editable ? "Drag to what this supports or rebuts" : undefined}
      />
      <div className="arg-node__header">
        <span className="arg-node__kind">
          <Icon size={14} />
          {KIND_LABEL[node.kind]}
        </span>
        {isArgument && (
          <span className="arg-node__premises" data-testid="node-premises">
            {premises} {premises === 1 ? "premise" : "premises"}
          </span>
        )}
        {node.speaker.trim() && <span className="arg-node__speaker">{node.speaker}</span>}
      </div>
      {editing ? (
        <NodeTextEditor nodeId={id} text={node.text} kind={node.kind} />
      ) : (
        <p className="arg-node__text" data-testid="node-text">
          {node.text.trim() ? node.text : <span className="arg-node__placeholder">{placeholder(isArgument, editable)}</span>}
        </p>
      )}
      {(source || quote) && (
        <div className="arg-node__footer">
          {source && (
            <span className="arg-node__source" data-testid="node-source" title={source.title}>
              <SourceIcon size={12} />
              <span>{source.publisher || source.title}</span>
            </span>
          )}
          {quote && (
            <span className="arg-node__quote" data-testid="node-quote" title={quote}>
              <QuoteIcon size={12} />
              <span>Quote</span>
            </span>
          )}
        </div>
      )}
      {/* Bottom: where the reasons for and against this node arrive. */}
      <Handle
        type="target"
        id="in"
        position={Position.Bottom}
        isConnectable={editable}
        className={`arg-handle arg-handle--in${editable ? "" : " is-hidden"}`}
        title={editable ? (isArgument ? "Drag to a premise, or to a reason for or against this argument" : "Drag to a reason for or against this") : undefined}
      />
    </div>
  );
}

/** An argument's text is its name or gist, and optional: its premises say what it is. */
function placeholder(isArgument: boolean, editable: boolean): string {
  if (isArgument) return editable ? "A reason (double-click to name it)" : "A reason";
  return editable ? "Double-click to write" : "(no text)";
}

export const ArgumentNode = memo(ArgumentNodeView);
