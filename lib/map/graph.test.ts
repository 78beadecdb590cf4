import { describe, expect, it } from "vitest";
import { childrenOf, defaultRelationFor, edgesOf, findEdgeBetween, indexEdges, roots } from "./graph";
import { debate, docOf, edge, node } from "./testing/fixtures";

describe("graph helpers", () => {
  it("edgesOf gives the links on both sides of a node", () => {
    const doc = docOf({
      nodes: [node("a"), node("b"), node("c")],
      edges: [edge("e1", "a", "b"), edge("e2", "b", "c"), edge("e3", "a", "c")],
    });
    expect(edgesOf(doc, "b").map((e) => e.id)).toEqual(["e1", "e2"]);
    expect(edgesOf(doc, "gone")).toEqual([]);
  });

  it.each([
    ["support", "supports"],
    ["rebuttal", "rebuts"],
    ["claim", "supports"],
  ] as const)("a new link from a %s %s by default", (kind, relation) => {
    expect(defaultRelationFor(kind)).toBe(relation);
  });

  it("childrenOf gives the reasons for and against a node, with the link that joins them", () => {
    const doc = debate();
    expect(childrenOf(doc, "c")).toEqual([
      { edge: doc.edges.e1, node: doc.nodes.s },
      { edge: doc.edges.e2, node: doc.nodes.r },
    ]);
    expect(childrenOf(doc, "s")).toEqual([]);
  });

  it("roots are the nodes that are a reason for nothing, claims first", () => {
    const doc = docOf({
      nodes: [node("loose", { kind: "support" }), node("c1", { kind: "claim" }), node("s"), node("c2", { kind: "claim" })],
      edges: [edge("e1", "s", "c1")],
    });
    expect(roots(doc).map((n) => n.id)).toEqual(["c1", "c2", "loose"]);
  });

  it("a claim that supports another claim is not a root", () => {
    const doc = docOf({ nodes: [node("c1", { kind: "claim" }), node("c2", { kind: "claim" })], edges: [edge("e1", "c2", "c1")] });
    expect(roots(doc).map((n) => n.id)).toEqual(["c1"]);
  });

  it("findEdgeBetween respects direction", () => {
    expect(findEdgeBetween(debate(), "s", "c")?.id).toBe("e1");
    expect(findEdgeBetween(debate(), "c", "s")).toBeUndefined();
  });

  it("indexEdges lists incoming and outgoing links per node", () => {
    const index = indexEdges(debate());
    expect(index.incoming.get("c")?.map((e) => e.id)).toEqual(["e1", "e2"]);
    expect(index.outgoing.get("r")?.map((e) => e.id)).toEqual(["e2"]);
    expect(index.incoming.get("r")).toBeUndefined();
  });
});
