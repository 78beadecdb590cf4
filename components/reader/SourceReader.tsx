"use client";
/**
 * The source reader, beside the canvas (the whole screen on a phone): a source's details and its
 * text, with every quoted passage marked. Select words to make a node from them or to attach them
 * to the selected node; a node's quote opens the reader scrolled to its passage; quotes that no
 * longer match the text are flagged. Every change goes through the action registry.
 */
import "./reader.css";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { attachQuote, editSource, nodeFromQuote, quoteRangeProblem, type SourceFields } from "@/lib/actions/sources";
import type { ValueAction } from "@/lib/actions/types";
import type { Op } from "@/lib/map/ops";
import { passagesOf } from "@/lib/map/quotes/check";
import { segmentsOf } from "@/lib/map/quotes/segments";
import { entryOf } from "@/lib/map/records";
import type { MapDoc, NodeKind } from "@/lib/map/types";
import { CrossIcon, ExternalIcon, WarningIcon } from "../icons";
import { describeNode, excerpt, KIND_LABEL } from "../kinds";
import { isTypingTarget } from "../editor/useEditorKeys";
import { SourceForm } from "../panel/SourceForm";
import { PassageList } from "./PassageList";
import { QuoteCommands } from "./QuoteCommands";
import { ReaderText, type ReaderTextHandle, type TextRange } from "./ReaderText";
import type { ReaderRequest } from "./useReader";

export interface SourceReaderProps {
  doc: MapDoc;
  request: ReaderRequest;
  editable: boolean;
  selectedNodeIds: readonly string[];
  /** Runs a value action; gives the ops it dispatched, or false. */
  perform<V>(action: ValueAction<V>, value: V): Op[] | false;
  onSelectNode(nodeId: string): void;
  onClose(): void;
}

export function SourceReader({ doc, request, editable, selectedNodeIds, perform, onSelectNode, onClose }: SourceReaderProps) {
  const source = entryOf(doc.sources, request.sourceId)!;
  const baseId = useId();
  const text = useRef<ReaderTextHandle>(null);
  const commands = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [range, setRange] = useState<TextRange | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const [editing, setEditing] = useState(false);

  const passages = useMemo(() => passagesOf(doc, source), [doc, source]);
  const segments = useMemo(
    () =>
      segmentsOf(
        source.text.length,
        passages.flatMap(({ node, match }) => (match.status === "missing" ? [] : [{ nodeId: node.id, start: match.start, end: match.end, changed: match.status === "changed" }])),
      ),
    [source.text, passages],
  );
  const flagged = passages.filter(({ match }) => match.status !== "found").length;
  const onlySelected = selectedNodeIds.length === 1 ? (entryOf(doc.nodes, selectedNodeIds[0]!) ?? null) : null;
  const current = onlySelected && passages.some(({ node }) => node.id === onlySelected.id) ? onlySelected.id : request.nodeId;

  /** Scrolls to a node's passage and puts the caret at its start (so the keyboard goes on from there). */
  const show = useCallback(
    (nodeId: string | null) => {
      const passage = nodeId === null ? undefined : passages.find(({ node }) => node.id === nodeId);
      const at = passage && passage.match.status !== "missing" ? passage.match.start : undefined;
      if (!source.text) heading.current?.focus();
      else text.current?.focus(at);
      if (nodeId !== null) text.current?.reveal(nodeId);
    },
    [passages, source.text],
  );

  // Each request (a quote clicked, Q, "Read"): focus the reader and show the passage asked for.
  const shown = useRef(0);
  useEffect(() => {
    if (shown.current === request.seq) return;
    shown.current = request.seq;
    setEditing(false);
    const frame = requestAnimationFrame(() => show(request.nodeId));
    return () => cancelAnimationFrame(frame);
  }, [request, show]);

  const sourceRange = range ? { sourceId: source.id, ...range } : null;
  const create = (kind: NodeKind, speaker: string) => {
    if (!sourceRange) return;
    const why = quoteRangeProblem(doc, sourceRange);
    const ops = why === null ? perform(nodeFromQuote, { ...sourceRange, kind, speaker }) : false;
    if (!ops) return setProblem(why ?? "The node could not be added.");
    const added = ops.find((op) => op.type === "addNode");
    finish(`${KIND_LABEL[kind]} added, quoting “${excerpt(added?.node.quote ?? "", 60)}”. It is selected on the map.`);
  };
  const attach = (speaker: string) => {
    if (!sourceRange || !onlySelected) return;
    const why = quoteRangeProblem(doc, sourceRange);
    const ops = why === null ? perform(attachQuote, { ...sourceRange, speaker }) : false;
    if (!ops && why) return setProblem(why);
    finish(`The quote of ${KIND_LABEL[onlySelected.kind].toLowerCase()} “${excerpt(onlySelected.text, 40)}” is now these words.`);
  };
  /** After a command: say what happened, and go back to the text for the next quote. */
  const finish = (message: string) => {
    setProblem(null);
    setSaid(message);
    text.current?.collapse();
    text.current?.focus();
  };

  const titleId = `${baseId}-title`;
  const hintId = `${baseId}-hint`;
  const byline = [source.publisher, source.author, source.date].filter((part) => part.trim()).join(" · ");
  const url = source.url.trim();
  const webUrl = /^https?:\/\//i.test(url) ? url : null;

  return (
    <section
      className="reader"
      aria-labelledby={titleId}
      data-testid="source-reader"
      data-source-id={source.id}
      onKeyDown={(event) => {
        // Esc closes the reader from its buttons and lists; fields and the text handle their own.
        if (event.key !== "Escape" || event.defaultPrevented || isTypingTarget(event.target)) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header className="reader__header">
        <div className="reader__heading">
          <p className="reader__eyebrow">Source</p>
          <h2 id={titleId} ref={heading} tabIndex={-1} data-testid="reader-title">
            {source.title}
          </h2>
          {byline && <p className="reader__byline">{byline}</p>}
          {webUrl ? (
            <a className="reader__original" href={webUrl} target="_blank" rel="noopener noreferrer" data-testid="reader-original">
              <ExternalIcon size={12} />
              Open the original
            </a>
          ) : (
            url && <p className="reader__byline">Reference: {url}</p>
          )}
        </div>
        <div className="reader__actions">
          {editable && !editing && (
            <button type="button" className="button button--small" onClick={() => setEditing(true)} data-testid="reader-edit">
              Edit source
            </button>
          )}
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close the reader" title="Close (Esc)" data-testid="reader-close">
            <CrossIcon size={16} />
          </button>
        </div>
      </header>
      {flagged > 0 && (
        <p className="reader__flagged" data-testid="reader-flagged">
          <WarningIcon size={14} />
          {flagged === 1 ? "1 quote from this source is" : `${flagged} quotes from this source are`} not found in its text (listed below).
        </p>
      )}
      <div className="reader__body">
        {editing ? (
          <SourceForm
            initial={source}
            submitLabel="Save source"
            onSave={(fields: SourceFields) => {
              perform(editSource, { sourceId: source.id, fields });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : source.text ? (
          <>
            <p className="reader__hint" id={hintId}>
              {editable
                ? "Select words to quote them (Shift and the arrow keys), then press Enter for the commands."
                : "Quoted passages are marked; Enter on one selects its node."}
            </p>
            <ReaderText
              ref={text}
              text={source.text}
              label={`Text of ${source.title}`}
              hintId={hintId}
              segments={segments}
              current={current}
              describeNodes={(nodeIds) => nodeIds.map((id) => entryOf(doc.nodes, id)).filter((node) => node !== undefined).map((node) => describeNode(node)).join("; ")}
              onRange={(next) => {
                setRange(next);
                setProblem(null);
              }}
              onPickNode={onSelectNode}
              onCommands={() => commands.current?.querySelector<HTMLElement>("button")?.focus()}
              onEscape={onClose}
            />
          </>
        ) : (
          <p className="muted reader__empty">This source has no text in the map{editable ? ": edit it to paste its text or read it from a file." : "."}</p>
        )}
        {!editing && (
          <PassageList
            passages={passages}
            current={current}
            onShow={(nodeId) => {
              onSelectNode(nodeId);
              show(nodeId);
            }}
          />
        )}
      </div>
      {editable && !editing && range && (
        <QuoteCommands ref={commands} source={source} range={range} selectedNode={onlySelected} problem={problem} onCreate={create} onAttach={attach} />
      )}
      <p className="visually-hidden" role="status" data-testid="reader-status">
        {said}
      </p>
    </section>
  );
}
