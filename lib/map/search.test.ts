import { describe, expect, it } from "vitest";
import { searchNodes } from "./search";
import { docFromSnapshot, type ArgNode } from "./types";

const node = (id: string, fields: Partial<ArgNode>): ArgNode => ({ id, kind: "support", text: "", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0, ...fields });
const doc = docFromSnapshot({
  map: { id: "m", title: "t", description: "" },
  nodes: [
    node("text", { text: "Forrester doubts it", y: 300 }),
    node("speaker", { speaker: "Forrester Research", y: 100, x: 50 }),
    node("quote", { quote: "Don't believe it", y: 100, x: 0 }),
    node("source", { sourceId: "s1", y: 200 }),
    node("accent", { text: "Le café de Zoë" }),
  ],
  edges: [],
  sources: [{ id: "s1", title: "Cloud market report", publisher: "Gartner", author: "", date: "", url: "", text: "" }],
});

describe("searchNodes", () => {
  it("finds nodes by text, speaker, quote and source, in reading order", () => {
    expect(searchNodes(doc, "forrester")).toEqual(["speaker", "text"]);
    expect(searchNodes(doc, "believe")).toEqual(["quote"]);
    expect(searchNodes(doc, "market report")).toEqual(["source"]);
    expect(searchNodes(doc, "gartner")).toEqual(["source"]);
  });

  it("ignores case and accents, and needs every word", () => {
    expect(searchNodes(doc, "CAFE zoe")).toEqual(["accent"]);
    expect(searchNodes(doc, "forrester café")).toEqual([]);
  });

  it("finds nothing for an empty query", () => {
    expect(searchNodes(doc, "  ")).toEqual([]);
  });
});
