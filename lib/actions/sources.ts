/**
 * Sources and quotes as actions that take a value: a node made from words selected in a source,
 * a selection attached as a node's quote, a quote typed or a source chosen in the side panel, and
 * sources added, edited and deleted. Every quote set here is anchored in its source's text
 * (lib/map/quotes), so it can be found and checked again after the text changes.
 */
import { LIMITS } from "../map/limits";
import type { Op } from "../map/ops";
import { anchorAt, anchorQuote, trimmedRange } from "../map/quotes/anchor";
import { entryOf } from "../map/records";
import type { ArgNode, MapDoc, NodeKind, Source } from "../map/types";
import { addNodeOps, answeredNode } from "./addNode";
import { canEdit, type ValueAction } from "./types";

/** Part of a source's text, as offsets into it. */
export interface SourceRange {
  sourceId: string;
  start: number;
  end: number;
}

export type SourceFields = Pick<Source, "title" | "publisher" | "author" | "date" | "url" | "text">;

type NodePatch = Extract<Op, { type: "updateNode" }>["patch"];

/** Why this range cannot become a quote (nothing selected, too long), or null when it can. */
export function quoteRangeProblem(doc: MapDoc, range: SourceRange): string | null {
  const source = entryOf(doc.sources, range.sourceId);
  if (!source) return "This source is no longer in the map.";
  const { start, end } = trimmedRange(source.text, range.start, range.end);
  if (end <= start) return "Select some words of the text first.";
  if (end - start > LIMITS.quoteLength) {
    return `The selection is ${(end - start).toLocaleString("en-US")} characters long; a quote holds at most ${LIMITS.quoteLength.toLocaleString("en-US")}.`;
  }
  return null;
}

function anchorOf(doc: MapDoc, range: SourceRange) {
  if (quoteRangeProblem(doc, range) !== null) return null;
  const text = entryOf(doc.sources, range.sourceId)!.text;
  const { start, end } = trimmedRange(text, range.start, range.end);
  return anchorAt(text, start, end);
}

const limitedSpeaker = (speaker: string) => speaker.trim().slice(0, LIMITS.speakerLength);

/** "New claim / support / rebuttal from this quote": its text starts as the quote, to be rewritten in the user's words. */
export const nodeFromQuote: ValueAction<SourceRange & { kind: NodeKind; speaker: string }> = {
  kind: "value",
  id: "nodeFromQuote",
  label: "New node from this quote",
  description: "Add a claim, support or rebuttal quoting the selected words (a support or rebuttal answers the selected node)",
  group: "add",
  shortcuts: [],
  enabled: canEdit,
  perform: (context, value) => {
    const anchor = anchorOf(context.doc, value);
    if (!anchor) return false;
    return addNodeOps(context, value.kind, { text: anchor.quote, speaker: limitedSpeaker(value.speaker), sourceId: value.sourceId, ...anchor });
  },
};

/** "Attach as the quote of the selected node": the node cites the source and quotes the words; an unknown speaker is filled in. */
export const attachQuote: ValueAction<SourceRange & { speaker: string }> = {
  kind: "value",
  id: "attachQuote",
  label: "Attach as the quote of the selected node",
  description: "Make the selected words the quote of the selected node, citing this source",
  group: "edit",
  shortcuts: [],
  enabled: (context) => canEdit(context) && answeredNode(context) !== null,
  perform: (context, value) => {
    const nodeId = answeredNode(context);
    const node = nodeId === null ? undefined : entryOf(context.doc.nodes, nodeId);
    const anchor = anchorOf(context.doc, value);
    if (!node || !anchor) return false;
    const speaker = node.speaker.trim() ? undefined : limitedSpeaker(value.speaker) || undefined;
    return updateOps(node, { sourceId: value.sourceId, ...anchor, speaker });
  },
};

/** A quote typed in the side panel, anchored in the node's source where its words are found. */
export const setQuote: ValueAction<{ nodeId: string; quote: string }> = {
  kind: "value",
  id: "setQuote",
  label: "Quote",
  description: "Set the exact words the node quotes from its source",
  group: "edit",
  shortcuts: [],
  enabled: canEdit,
  perform: (context, { nodeId, quote }) => {
    const node = entryOf(context.doc.nodes, nodeId);
    if (!node) return false;
    return updateOps(node, anchorFor(context.doc, node.sourceId, quote, node));
  },
};

/** The node's source chosen (or none); its quote is anchored again in the new source's text. */
export const setNodeSource: ValueAction<{ nodeId: string; sourceId: string | null }> = {
  kind: "value",
  id: "setNodeSource",
  label: "Source",
  description: "Choose the source a node draws on",
  group: "edit",
  shortcuts: [],
  enabled: canEdit,
  perform: (context, { nodeId, sourceId }) => {
    const node = entryOf(context.doc.nodes, nodeId);
    if (!node || (sourceId !== null && !entryOf(context.doc.sources, sourceId))) return false;
    return updateOps(node, { sourceId, ...anchorFor(context.doc, sourceId, node.quote, node) });
  },
};

/** A new source; with `citedBy`, that node cites it at once (one undo step for both). */
export const addSource: ValueAction<{ fields: SourceFields; citedBy?: string }> = {
  kind: "value",
  id: "addSource",
  label: "Add source",
  description: "Add a source: its details, and its text pasted or read from a file",
  group: "add",
  shortcuts: [],
  enabled: canEdit,
  perform: (context, { fields, citedBy }) => {
    const id = context.newId();
    const ops: Op[] = [{ type: "addSource", source: { id, ...fields } }];
    const node = citedBy === undefined ? undefined : entryOf(context.doc.nodes, citedBy);
    if (node) {
      const source = { id, ...fields };
      const anchor = node.quote ? anchorQuote(source.text, node.quote, node) : {};
      ops.push(...(updateOps(node, { sourceId: id, ...anchor }) || []));
    }
    return ops;
  },
};

/** The source's changed fields, as one op. */
export const editSource: ValueAction<{ sourceId: string; fields: Partial<SourceFields> }> = {
  kind: "value",
  id: "editSource",
  label: "Save source",
  description: "Change a source's details or text",
  group: "edit",
  shortcuts: [],
  enabled: canEdit,
  perform: (context, { sourceId, fields }) => {
    const source = entryOf(context.doc.sources, sourceId);
    if (!source) return false;
    const patch = Object.fromEntries(Object.entries(fields).filter(([key, value]) => value !== undefined && source[key as keyof SourceFields] !== value));
    return Object.keys(patch).length > 0 ? [{ type: "updateSource", id: sourceId, patch }] : false;
  },
};

export const deleteSource: ValueAction<{ sourceId: string }> = {
  kind: "value",
  id: "deleteSource",
  label: "Delete source",
  description: "Delete a source; nodes citing it keep their quotes",
  group: "edit",
  shortcuts: [],
  enabled: canEdit,
  perform: (context, { sourceId }) => (entryOf(context.doc.sources, sourceId) ? [{ type: "deleteSource", id: sourceId }] : false),
};

export const SOURCE_ACTIONS = [nodeFromQuote, attachQuote, setQuote, setNodeSource, addSource, editSource, deleteSource] as const;

/** The quote's words with their context in this source, the node's old anchor choosing among repeats. */
function anchorFor(doc: MapDoc, sourceId: string | null, quote: string, previous: ArgNode) {
  const source = sourceId === null ? undefined : entryOf(doc.sources, sourceId);
  return source && quote ? anchorQuote(source.text, quote, previous) : { quote, quotePrefix: "", quoteSuffix: "" };
}

/** One updateNode op with the fields that differ, or false when none does. */
function updateOps(node: ArgNode, wanted: NodePatch): Op[] | false {
  const patch: NodePatch = {};
  for (const [key, value] of Object.entries(wanted) as [keyof NodePatch, unknown][]) {
    if (value !== undefined && node[key] !== value) Object.assign(patch, { [key]: value });
  }
  return Object.keys(patch).length > 0 ? [{ type: "updateNode", id: node.id, patch }] : false;
}
