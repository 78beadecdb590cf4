"use client";
/** The selected node: kind, text, speaker, source and quote (editable, or read-only for a view link), and its links. */
import { useId, useMemo } from "react";
import { setQuote } from "@/lib/actions/sources";
import { LIMITS } from "@/lib/map/limits";
import type { Op } from "@/lib/map/ops";
import { entryOf } from "@/lib/map/records";
import type { ArgNode } from "@/lib/map/types";
import { SoftLock } from "../conflicts/SoftLock";
import { useEditorCommands } from "../editor/EditorCommands";
import { NodeAttributionLine } from "../history/NodeAttributionLine";
import { NodeHistory } from "../history/NodeHistory";
import { KIND_ICON, KIND_LABEL } from "../kinds";
import { ReportsEditing } from "../presence/ReportsEditing";
import { TrashIcon } from "../icons";
import { setBaseScore } from "@/lib/actions/baseScore";
import { StandSection } from "../evaluation/StandSection";
import { CommitField } from "./CommitField";
import { KindPicker } from "./KindPicker";
import { NodeLinks } from "./NodeLinks";
import { QuoteCheckLine, ReadSourceButton, SourcePicker } from "./NodeSource";
import type { PanelProps } from "./panelTypes";
import { ArgumentPremises, CombineWithSiblings } from "./ReasonSections";
import { SourceCard } from "./SourceForm";

type NodePatch = Extract<Op, { type: "updateNode" }>["patch"];

function ReadOnlyNode({ node, doc, openSource }: { node: ArgNode; doc: PanelProps["doc"]; openSource: PanelProps["openSource"] }) {
  const source = node.sourceId === null ? undefined : entryOf(doc.sources, node.sourceId);
  return (
    <div className="read-only-node">
      <p className="read-only-node__text" data-testid="panel-node-text">
        {node.text || <span className="muted">(no text)</span>}
      </p>
      <dl className="facts">
        {node.speaker && (
          <>
            <dt>Speaker</dt>
            <dd data-testid="panel-node-speaker">{node.speaker}</dd>
          </>
        )}
        {source && (
          <>
            <dt>Source</dt>
            <dd>
              <SourceCard source={source} />
              <ReadSourceButton source={source} onOpen={() => openSource(source.id, node.quote.trim() ? node.id : undefined)} />
            </dd>
          </>
        )}
      </dl>
      {node.quote && (
        <blockquote className="quote" data-testid="panel-node-quote">
          {node.quote}
        </blockquote>
      )}
      <QuoteCheckLine node={node} doc={doc} openSource={openSource} />
    </div>
  );
}

export function NodeDetails({ node, onDelete, ...props }: PanelProps & { node: ArgNode; onDelete(): void }) {
  const { doc, editable, dispatch } = props;
  const { commitText } = useEditorCommands();
  const speakerList = useId();
  const speakers = useMemo(
    () => [...new Set(Object.values(doc.nodes).map((other) => other.speaker.trim()).filter(Boolean))].sort(),
    [doc.nodes],
  );
  const update = (patch: NodePatch) => dispatch([{ type: "updateNode", id: node.id, patch }]);
  const Icon = KIND_ICON[node.kind];

  return (
    <div className="panel-body" data-testid="panel-node" data-id={node.id}>
      <h2 className={`panel-title kind-tag kind-tag--${node.kind}`}>
        <Icon size={14} />
        {KIND_LABEL[node.kind]}
      </h2>
      <NodeAttributionLine nodeId={node.id} />
      {editable ? (
        <>
          <KindPicker node={node} doc={doc} dispatch={dispatch} />
          <SoftLock nodeId={node.id}>
            {(locked) => {
              const field = (
                <CommitField
                  label="Text"
                  value={node.text}
                  multiline
                  rows={4}
                  maxLength={LIMITS.nodeTextLength}
                  readOnly={locked}
                  hint="Saved when you leave the field, or with Esc or Ctrl+Enter; Shift+Esc discards."
                  onCommit={(text, startedFrom) => commitText(node.id, text, false, startedFrom)}
                  testId="field-node-text"
                />
              );
              // Reading behind the lock is not typing: only an open field says "is editing" to others.
              return locked ? field : <ReportsEditing nodeId={node.id}>{field}</ReportsEditing>;
            }}
          </SoftLock>
          <CommitField
            label="Speaker"
            value={node.speaker}
            maxLength={LIMITS.speakerLength}
            placeholder="Who holds this view?"
            onCommit={(speaker) => update({ speaker: speaker.trim() })}
            testId="field-node-speaker"
            list={speakerList}
          />
          <datalist id={speakerList}>
            {speakers.map((speaker) => (
              <option key={speaker} value={speaker} />
            ))}
          </datalist>
          <SourcePicker {...props} node={node} />
          <CommitField
            label="Quote"
            value={node.quote}
            multiline
            rows={3}
            maxLength={LIMITS.quoteLength}
            placeholder="The exact words from the source"
            onCommit={(quote) => props.perform(setQuote, { nodeId: node.id, quote })}
            testId="field-node-quote"
          />
          <QuoteCheckLine node={node} doc={doc} openSource={props.openSource} />
        </>
      ) : (
        <ReadOnlyNode node={node} doc={doc} openSource={props.openSource} />
      )}
      {node.kind === "argument" && <ArgumentPremises {...props} node={node} />}
      <StandSection node={node} select={props.select} setBaseScore={editable ? (value) => props.perform(setBaseScore, value) : undefined} />
      <NodeLinks {...props} node={node} />
      <CombineWithSiblings {...props} node={node} />
      {editable && (
        <button type="button" className="button button--danger button--small" data-testid="panel-delete" onClick={onDelete}>
          <TrashIcon size={14} />
          Delete {KIND_LABEL[node.kind].toLowerCase()}
        </button>
      )}
      <NodeHistory token={props.token} doc={doc} node={node} revision={props.revision} editable={editable} dispatch={dispatch} />
    </div>
  );
}
