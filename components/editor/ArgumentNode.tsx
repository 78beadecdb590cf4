"use client";
/**
 * One node on the canvas: its kind (label, symbol and border), text, speaker, source and quote.
 * An argument holds a reason whole: its box says how many premises join it from below.
 */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useMemo, type PointerEvent } from "react";
import { checkQuote, quoteIsFlagged } from "@/lib/map/quotes/check";
import { describeAttribution } from "@/lib/sync/attribution";
import { useAttributionStore } from "../history/AttributionContext";
import { KIND_ICON, KIND_LABEL } from "../kinds";
import { RemoteNodeMarks } from "../presence/RemoteNodeMarks";
import { ChevronDownIcon, ChevronRightIcon, FocusIcon, QuoteIcon, SourceIcon, WarningIcon } from "../icons";
import { useEditorCommands } from "./EditorCommands";
import type { ArgumentFlowNode, ReasonsShown } from "./flowElements";
import { NodeTextEditor } from "./NodeTextEditor";
import { VerdictBadge } from "../evaluation/VerdictBadge";

function ArgumentNodeView({ id, data, selected }: NodeProps<ArgumentFlowNode>) {
  const { node, source, editing, editable, remote, premises, reasons, found, verdict, inChain } = data;
  const isArgument = node.kind === "argument";
  const { openSource } = useEditorCommands();
  const Icon = KIND_ICON[node.kind];
  const quote = node.quote.trim();
  const attribution = useAttributionStore();
  // Who made it and who changed it last: worked out when the pointer arrives, so no node
  // re-renders when someone else edits another one. (The side panel says it for keyboards.)
  const onPointerEnter = (event: PointerEvent<HTMLDivElement>) => {
    const text = describeAttribution(attribution?.get(id));
    if (text) event.currentTarget.title = text;
    else event.currentTarget.removeAttribute("title");
  };
  const flagged = useMemo(() => quoteIsFlagged(checkQuote(node, source)), [node, source]);
  return (
    <div
      onPointerEnter={onPointerEnter}
      className={`arg-node arg-node--${node.kind}${selected ? " is-selected" : ""}${found ? ` is-found is-found--${found}` : ""}${inChain ? " is-in-chain" : ""}`}
      data-found={found}
      data-testid="node"
      data-kind={node.kind}
      data-id={id}
      data-selected={selected ? "true" : "false"}
    >
      {remote && <RemoteNodeMarks marks={remote} />}
      {verdict && <VerdictBadge nodeId={id} verdict={verdict} selected={selected} />}
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
      {(source || quote || reasons) && (
        // The source and quote chips are pointer shortcuts into the reader; keyboard users have Q
        // and the side panel's buttons (a tab stop per chip would double a big map's tab stops).
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
          {reasons && <ReasonControls nodeId={id} reasons={reasons} />}
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

/** Fold or unfold this node's reasons, or focus on it: this person's view only. */
function ReasonControls({ nodeId, reasons }: { nodeId: string; reasons: ReasonsShown }) {
  const { toggleReasons, focusOn } = useEditorCommands();
  const { total, hidden, open } = reasons;
  const plural = total === 1 ? "reason" : "reasons";
  const label = open ? `Hide the ${total} ${plural} for and against this` : `Show ${hidden || total} hidden ${hidden === 1 ? "reason" : "reasons"}`;
  return (
    <span className="arg-node__reasons nodrag">
      <button
        type="button"
        className="arg-node__fold"
        data-testid="fold-toggle"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onClick={(event) => {
          event.stopPropagation();
          toggleReasons(nodeId);
        }}
        onDoubleClick={(event) => event.stopPropagation()}
      >
        {open ? <ChevronDownIcon size={12} /> : <ChevronRightIcon size={12} />}
        {open ? total : `${hidden || total} hidden`}
      </button>
      <button
        type="button"
        className="arg-node__focus"
        data-testid="focus-node"
        aria-label="Focus on this: show it with its reasons and objections only"
        title="Focus on this"
        onClick={(event) => {
          event.stopPropagation();
          focusOn(nodeId);
        }}
        onDoubleClick={(event) => event.stopPropagation()}
      >
        <FocusIcon size={12} />
      </button>
    </span>
  );
}

/** An argument's text is its name or gist, and optional: its premises say what it is. */
function placeholder(isArgument: boolean, editable: boolean): string {
  if (isArgument) return editable ? "A reason (double-click to name it)" : "A reason";
  return editable ? "Double-click to write" : "(no text)";
}

export const ArgumentNode = memo(ArgumentNodeView);
