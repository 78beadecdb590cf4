import { describe, expect, it } from "vitest";
import { applyOps } from "../map/apply";
import { checkNodeQuote } from "../map/quotes/check";
import { docOf, node, source } from "../map/testing/fixtures";
import type { MapDoc, Role } from "../map/types";
import { readSource } from "./effects";
import { ACTIONS } from "./registry";
import { addSource, attachQuote, deleteSource, editSource, nodeFromQuote, quoteRangeProblem, setNodeSource, setQuote, SOURCE_ACTIONS } from "./sources";
import type { ActionContext } from "./types";

const TEXT = "The review began in May. “Our customers' data stays in their own region,” said Dana Whitfield. It did not end.";
const QUOTE = "Our customers' data stays in their own region";

function sample(): MapDoc {
  return docOf({
    sources: [source("s1", { title: "Review", author: "Lee Park", text: TEXT }), source("s2", { title: "Other", text: `Elsewhere: ${QUOTE}.` })],
    nodes: [node("claim", { kind: "claim", text: "Alibaba Cloud is a risk", x: 0, y: 0 }), node("loose", { kind: "support", text: "Loose", speaker: "Someone", x: 900, y: 900 })],
  });
}

function context(doc: MapDoc, nodeIds: string[] = [], role: Role = "edit"): ActionContext {
  let counter = 0;
  return {
    doc,
    role,
    selection: { nodeIds, edgeIds: [] },
    canUndo: false,
    canRedo: false,
    insertionPoint: () => ({ x: 0, y: -600 }),
    sizeOf: () => ({ width: 200, height: 100 }),
    newId: () => `new${++counter}`,
  };
}

const rangeOf = (words: string, sourceId = "s1", text = TEXT) => ({ sourceId, start: text.indexOf(words), end: text.indexOf(words) + words.length });

function applied(doc: MapDoc, ops: ReturnType<typeof nodeFromQuote.perform>): MapDoc {
  if (!ops) throw new Error("the action did nothing");
  const result = applyOps(doc, ops);
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
}

describe("a node from a quote", () => {
  it("makes a rebuttal of the selected node whose quote is exactly the selected words, anchored and found in the source", () => {
    const doc = sample();
    const after = applied(doc, nodeFromQuote.perform(context(doc, ["claim"]), { ...rangeOf(QUOTE), kind: "rebuttal", speaker: "Dana Whitfield" }));
    const made = after.nodes.new1!;
    expect(made).toMatchObject({ kind: "rebuttal", text: QUOTE, quote: QUOTE, speaker: "Dana Whitfield", sourceId: "s1" });
    expect(made.quotePrefix).toBe("The review began in May. “");
    expect(made.quoteSuffix).toBe(TEXT.slice(TEXT.indexOf(QUOTE) + QUOTE.length, TEXT.indexOf(QUOTE) + QUOTE.length + 32));
    expect(Object.values(after.edges)).toEqual([{ id: "new2", from: "new1", to: "claim", relation: "rebuts" }]);
    expect(checkNodeQuote(after, made)).toEqual({ status: "found", start: TEXT.indexOf(QUOTE), end: TEXT.indexOf(QUOTE) + QUOTE.length });
  });

  it("leaves out white space at the ends of the selection", () => {
    const doc = sample();
    const start = TEXT.indexOf("It did");
    const ops = nodeFromQuote.perform(context(doc), { sourceId: "s1", start: start - 1, end: TEXT.length, kind: "claim", speaker: "" });
    expect(applied(doc, ops).nodes.new1!.quote).toBe("It did not end.");
  });

  it("does nothing for an empty or too long selection, and says why", () => {
    const doc = sample();
    expect(nodeFromQuote.perform(context(doc), { sourceId: "s1", start: 4, end: 4, kind: "claim", speaker: "" })).toBe(false);
    expect(quoteRangeProblem(doc, { sourceId: "s1", start: 3, end: 4 })).toBe("Select some words of the text first.");
    const long = docOf({ sources: [source("s1", { text: "word ".repeat(1000) })] });
    expect(quoteRangeProblem(long, { sourceId: "s1", start: 0, end: 5000 })).toMatch(/4,999 characters long; a quote holds at most 2,000/);
    expect(quoteRangeProblem(doc, { sourceId: "gone", start: 0, end: 4 })).toMatch(/no longer in the map/);
  });

  it("is not offered to a view link", () => {
    expect(nodeFromQuote.enabled(context(sample(), [], "view"))).toBe(false);
  });
});

describe("attaching a quote to the selected node", () => {
  it("points the node at the source, quotes the words, and fills in a missing speaker only", () => {
    const doc = sample();
    const after = applied(doc, attachQuote.perform(context(doc, ["claim"]), { ...rangeOf(QUOTE), speaker: "Dana Whitfield" }));
    expect(after.nodes.claim).toMatchObject({ sourceId: "s1", quote: QUOTE, speaker: "Dana Whitfield" });
    const kept = applied(doc, attachQuote.perform(context(doc, ["loose"]), { ...rangeOf(QUOTE), speaker: "Dana Whitfield" }));
    expect(kept.nodes.loose!.speaker).toBe("Someone");
  });

  it("needs exactly one selected node", () => {
    expect(attachQuote.enabled(context(sample()))).toBe(false);
    expect(attachQuote.enabled(context(sample(), ["claim", "loose"]))).toBe(false);
    expect(attachQuote.enabled(context(sample(), ["claim"]))).toBe(true);
  });
});

describe("quotes and sources set in the side panel", () => {
  it("anchors a typed quote where its words are, and leaves one that is not there without context", () => {
    const doc = applied(sample(), [{ type: "updateNode", id: "claim", patch: { sourceId: "s1" } }]);
    const typed = applied(doc, setQuote.perform(context(doc), { nodeId: "claim", quote: "It did not end." }));
    expect(typed.nodes.claim).toMatchObject({ quote: "It did not end.", quotePrefix: TEXT.slice(TEXT.indexOf("It did") - 32, TEXT.indexOf("It did")), quoteSuffix: "" });
    const wrong = applied(doc, setQuote.perform(context(doc), { nodeId: "claim", quote: "Not in the text" }));
    expect(wrong.nodes.claim).toMatchObject({ quote: "Not in the text", quotePrefix: "", quoteSuffix: "" });
    expect(checkNodeQuote(wrong, wrong.nodes.claim!).status).toBe("missing");
  });

  it("anchors the quote again when the node changes source", () => {
    const doc = applied(sample(), attachQuote.perform(context(sample(), ["claim"]), { ...rangeOf(QUOTE), speaker: "" }));
    const moved = applied(doc, setNodeSource.perform(context(doc), { nodeId: "claim", sourceId: "s2" }));
    expect(moved.nodes.claim).toMatchObject({ sourceId: "s2", quotePrefix: "Elsewhere: ", quoteSuffix: "." });
    expect(setNodeSource.perform(context(doc), { nodeId: "claim", sourceId: "s1" })).toBe(false);
  });

  it("adds a source with its text, cited at once by the node it was added from", () => {
    const doc = applied(sample(), [{ type: "updateNode", id: "loose", patch: { quote: "in May" } }]);
    const fields = { title: "Notes", publisher: "", author: "", date: "", url: "", text: "It started in May." };
    const after = applied(doc, addSource.perform(context(doc), { fields, citedBy: "loose" }));
    expect(after.sources.new1).toEqual({ id: "new1", ...fields });
    expect(after.nodes.loose).toMatchObject({ sourceId: "new1", quotePrefix: "It started ", quoteSuffix: "." });
  });

  it("edits only the fields that changed, and deletes", () => {
    const doc = sample();
    expect(editSource.perform(context(doc), { sourceId: "s1", fields: { title: "Review", text: "New text" } })).toEqual([
      { type: "updateSource", id: "s1", patch: { text: "New text" } },
    ]);
    expect(editSource.perform(context(doc), { sourceId: "s1", fields: { title: "Review" } })).toBe(false);
    expect(deleteSource.perform(context(doc), { sourceId: "s1" })).toEqual([{ type: "deleteSource", id: "s1" }]);
  });
});

describe("the reader's registry entries", () => {
  it("opens a selected node's source with Q, only when it cites one in the map", () => {
    const doc = applied(sample(), [{ type: "updateNode", id: "claim", patch: { sourceId: "s1" } }]);
    expect(readSource.shortcuts).toEqual([{ key: "q" }]);
    expect(readSource.enabled(context(doc, ["claim"]))).toBe(true);
    expect(readSource.enabled(context(doc, ["loose"]))).toBe(false);
    expect(readSource.enabled(context(doc))).toBe(false);
  });

  it("has ids no other action uses", () => {
    const ids = [...ACTIONS, ...SOURCE_ACTIONS].map((action) => action.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
