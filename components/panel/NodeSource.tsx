"use client";
/**
 * A node's source and the check of its quote: choose, add or edit the source (its text pasted or
 * read from a file), open it in the reader, and see whether the quote is still in its text.
 */
import { useId, useMemo, useState } from "react";
import { addSource, editSource, setNodeSource } from "@/lib/actions/sources";
import { checkQuote } from "@/lib/map/quotes/check";
import { entryOf } from "@/lib/map/records";
import type { ArgNode, Source } from "@/lib/map/types";
import { SourceIcon } from "../icons";
import { QuoteFlag } from "../reader/QuoteFlag";
import type { PanelProps } from "./panelTypes";
import { SourceCard, SourceForm, type SourceFields } from "./SourceForm";

const ADD_SOURCE = "__add_source__";

export function SourcePicker({ node, ...props }: PanelProps & { node: ArgNode }) {
  const selectId = useId();
  const [form, setForm] = useState<"add" | "edit" | null>(null);
  const sources = Object.values(props.doc.sources);
  const current = node.sourceId === null ? undefined : entryOf(props.doc.sources, node.sourceId);

  // One action for both, so adding the source and pointing the node at it undo together.
  const add = (fields: SourceFields) => {
    if (props.perform(addSource, { fields, citedBy: node.id })) setForm(null);
  };
  const edit = (fields: SourceFields) => {
    if (!current) return;
    props.perform(editSource, { sourceId: current.id, fields });
    setForm(null);
  };

  return (
    <div className="field">
      <label htmlFor={selectId}>Source</label>
      <select
        id={selectId}
        data-testid="field-node-source"
        value={form === "add" ? ADD_SOURCE : (current?.id ?? "")}
        onChange={(event) => {
          const value = event.target.value;
          if (value === ADD_SOURCE) setForm("add");
          else {
            setForm(null);
            props.perform(setNodeSource, { nodeId: node.id, sourceId: value === "" ? null : value });
          }
        }}
      >
        <option value="">No source</option>
        {sources.map((source) => (
          <option key={source.id} value={source.id}>
            {source.publisher ? `${source.publisher}: ${source.title}` : source.title}
          </option>
        ))}
        <option value={ADD_SOURCE}>+ Add a new source…</option>
      </select>
      {form === "add" && <SourceForm submitLabel="Add source" onSave={add} onCancel={() => setForm(null)} />}
      {form === "edit" && current && <SourceForm initial={current} submitLabel="Save source" onSave={edit} onCancel={() => setForm(null)} />}
      {form === null && current && (
        <div className="source-line">
          <SourceCard source={current} />
          <ReadSourceButton source={current} onOpen={() => props.openSource(current.id, node.quote.trim() ? node.id : undefined)} />
          <button type="button" className="link-button" onClick={() => setForm("edit")} data-testid="source-edit">
            Edit source
          </button>
        </div>
      )}
    </div>
  );
}

export function ReadSourceButton({ source, onOpen }: { source: Source; onOpen(): void }) {
  return (
    <button type="button" className="link-button" onClick={onOpen} data-testid="node-source-read" aria-label={`Read source: “${source.title}”`}>
      <SourceIcon size={12} />
      Read source
    </button>
  );
}

/** Under a node's quote: whether it is still in the source's text, and a way to it there. */
export function QuoteCheckLine({ node, ...props }: Pick<PanelProps, "doc" | "openSource"> & { node: ArgNode }) {
  const source = node.sourceId === null ? undefined : entryOf(props.doc.sources, node.sourceId);
  const check = useMemo(() => checkQuote(node, source), [node, source]);
  if (check.status === "none" || !source) return null;
  if (check.status === "unchecked") {
    return <p className="field__hint quote-check">The source has no text in the map to check this quote against.</p>;
  }
  return (
    <p className="quote-check" data-testid="quote-check" data-status={check.status}>
      {check.status === "found" ? <span className="quote-check__found">Found in the source.</span> : <QuoteFlag status={check.status} />}{" "}
      <button type="button" className="link-button" data-testid="quote-show" onClick={() => props.openSource(source.id, node.id)}>
        Show in source
      </button>
    </p>
  );
}
