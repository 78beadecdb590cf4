"use client";
/** One node on the canvas: its kind (label, symbol and border), text, speaker, source and quote. */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { checkQuote, quoteIsFlagged } from "@/lib/map/quotes/check";
import { KIND_ICON, KIND_LABEL } from "../kinds";
import { RemoteNodeMarks } from "../presence/RemoteNodeMarks";
import { QuoteIcon, SourceIcon, WarningIcon } from "../icons";
import { useEditorCommands } from "./EditorCommands";
import type { ArgumentFlowNode } from "./flowElements";
import { NodeTextEditor } from "./NodeTextEditor";

function ArgumentNodeView({ id, data, selected }: NodeProps<ArgumentFlowNode>) {
  const { node, source, editing, editable, remote } = data;
  const { openSource } = useEditorCommands();
  const Icon = KIND_ICON[node.kind];
  const quote = node.quote.trim();
  const flagged = useMemo(() => quoteIsFlagged(checkQuote(node, source)), [node, source]);
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
        {node.speaker.trim() && <span className="arg-node__speaker">{node.speaker}</span>}
      </div>
      {editing ? (
        <NodeTextEditor nodeId={id} text={node.text} kind={node.kind} />
      ) : (
        <p className="arg-node__text" data-testid="node-text">
          {node.text.trim() ? node.text : <span className="arg-node__placeholder">{editable ? "Double-click to write" : "(no text)"}</span>}
        </p>
      )}
      {(source || quote) && (
        // Pointer shortcuts into the reader; keyboard users have Q and the side panel's buttons
        // (a tab stop per chip would double the stops of a map with thousands of nodes).
        <div className="arg-node__footer">
          {source && (
            <button type="button" tabIndex={-1} className="arg-node__source nodrag" data-testid="node-source" title={`Read “${source.title}”`} onClick={() => openSource(source.id, quote ? id : null)}>
              <SourceIcon size={12} />
              <span>{source.publisher || source.title}</span>
            </button>
          )}
          {quote && source ? (
            <button
              type="button"
              tabIndex={-1}
              className={`arg-node__quote nodrag${flagged ? " is-flagged" : ""}`}
              data-testid="node-quote"
              data-flagged={flagged ? "true" : "false"}
              title={flagged ? `Not found in the source: ${quote}` : quote}
              onClick={() => openSource(source.id, id)}
            >
              {flagged ? <WarningIcon size={12} /> : <QuoteIcon size={12} />}
              <span>{flagged ? "Quote not found" : "Quote"}</span>
            </button>
          ) : (
            quote && (
              <span className="arg-node__quote" data-testid="node-quote" data-flagged="false" title={quote}>
                <QuoteIcon size={12} />
                <span>Quote</span>
              </span>
            )
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
        title={editable ? "Drag to a reason for or against this" : undefined}
      />
    </div>
  );
}

export const ArgumentNode = memo(ArgumentNodeView);
