"use client";
/**
 * A node on the presentation stage. It keeps the editor's size and shape (the map was laid out
 * for them), so the camera's zoom is what makes it big; kind is told by word, symbol and border.
 */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { QuoteIcon, SourceIcon } from "../icons";
import { VerdictTag } from "../evaluation/VerdictTag";
import { KIND_ICON, KIND_LABEL } from "../kinds";
import type { PresentationFlowNode } from "./presentationElements";

function PresentationNodeView({ id, data }: NodeProps<PresentationFlowNode>) {
  const { node, source, state, verdict } = data;
  const Icon = KIND_ICON[node.kind];
  return (
    <div
      className={`arg-node arg-node--${node.kind} present-node present-node--${state}`}
      data-testid="present-node"
      data-id={id}
      data-kind={node.kind}
      data-revealed={state === "hidden" ? "false" : "true"}
      data-current={state === "current" ? "true" : "false"}
      aria-hidden={state === "hidden" ? true : undefined}
    >
      <Handle type="source" id="out" position={Position.Top} isConnectable={false} className="arg-handle is-hidden" />
      {verdict && (
        <span className="verdict">
          <VerdictTag verdict={verdict} />
        </span>
      )}
      <div className="arg-node__header">
        <span className="arg-node__kind">
          <Icon size={14} />
          {KIND_LABEL[node.kind]}
        </span>
        {node.speaker.trim() && <span className="arg-node__speaker">{node.speaker}</span>}
      </div>
      <p className="arg-node__text">{node.text.trim() || <span className="arg-node__placeholder">(no text)</span>}</p>
      {(source || node.quote.trim()) && (
        <div className="arg-node__footer">
          {source && (
            <span className="arg-node__source">
              <SourceIcon size={12} />
              <span>{source.publisher || source.title}</span>
            </span>
          )}
          {node.quote.trim() && (
            <span className="arg-node__quote">
              <QuoteIcon size={12} />
              <span>Quote</span>
            </span>
          )}
        </div>
      )}
      <Handle type="target" id="in" position={Position.Bottom} isConnectable={false} className="arg-handle is-hidden" />
    </div>
  );
}

export const PresentationNode = memo(PresentationNodeView);
