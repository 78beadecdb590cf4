import { describe, expect, it } from "vitest";
import { applyOp, applyOps, checkOp, type ApplyResult } from "./apply";
import { LIMITS } from "./limits";
import type { Op, OpError } from "./ops";
import { debate, docOf, edge, node, source } from "./testing/fixtures";
import { emptyDoc, type MapDoc } from "./types";

function applied(result: ApplyResult): MapDoc {
  if (!result.ok) throw new Error(`expected the op to apply, got ${result.error.code}: ${result.error.message}`);
  return result.doc;
}

function rejection(result: ApplyResult): OpError {
  if (result.ok) throw new Error("expected the op to be rejected");
  return result.error;
}

describe("applyOp rejects", () => {
  // [rule, op against debate(), code, message]
  const cases: [string, Op, OpError["code"], string | RegExp][] = [
    ["a node with an id already in use", { type: "addNode", node: node("c") }, "conflict", "node c already exists"],
    ["a node citing a missing source", { type: "addNode", node: node("n", { sourceId: "gone" }) }, "not_found", "source gone does not exist"],
    ["an edit of a deleted node", { type: "updateNode", id: "gone", patch: { text: "x" } }, "not_found", "node gone no longer exists"],
    ["pointing a node at a missing source", { type: "updateNode", id: "s", patch: { sourceId: "gone" } }, "not_found", "source gone does not exist"],
    ["a move of nodes that are all deleted", { type: "moveNodes", moves: [{ id: "gone", x: 1, y: 1 }] }, "not_found", "node gone no longer exists"],
    ["a delete of nodes that are all gone", { type: "deleteNodes", ids: ["gone", "gone2"] }, "not_found", /none of these nodes/],
    ["a link with an id already in use", { type: "addEdge", edge: edge("e1", "r", "s") }, "conflict", "edge e1 already exists"],
    ["a rebuttal to a deleted node", { type: "addEdge", edge: edge("e9", "r", "gone", "rebuts") }, "not_found", "node gone no longer exists"],
    ["a support from a deleted node", { type: "addEdge", edge: edge("e9", "gone", "c") }, "not_found", "node gone no longer exists"],
    ["a node supporting itself", { type: "addEdge", edge: edge("e9", "c", "c") }, "invalid_op", "a node cannot support or rebut itself"],
    ["a second link from the same node to the same node", { type: "addEdge", edge: edge("e9", "s", "c", "rebuts") }, "conflict", "these nodes are already linked"],
    ["an edit of a deleted link", { type: "updateEdge", id: "gone", patch: { relation: "rebuts" } }, "not_found", "link gone no longer exists"],
    ["a delete of a deleted link", { type: "deleteEdge", id: "gone" }, "not_found", "link gone no longer exists"],
    ["a source with an id already in use", { type: "addSource", source: source("s1") }, "conflict", "source s1 already exists"],
    ["an edit of a deleted source", { type: "updateSource", id: "gone", patch: { title: "T" } }, "not_found", "source gone no longer exists"],
    ["a delete of a deleted source", { type: "deleteSource", id: "gone" }, "not_found", "source gone no longer exists"],
    ["an edit of a node named after an Object member", { type: "updateNode", id: "constructor", patch: { text: "x" } }, "not_found", /constructor/],
    ["a link to a node named __proto__ that does not exist", { type: "addEdge", edge: edge("e9", "c", "__proto__") }, "not_found", /__proto__/],
  ];
  it.each(cases)("%s", (_rule, op, code, message) => {
    const error = rejection(applyOp(debate(), op));
    expect(error.code).toBe(code);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("a node beyond the map's node limit", () => {
    const full = docOf({ nodes: Array.from({ length: LIMITS.nodesPerMap }, (_, i) => node(`n${i}`)) });
    expect(rejection(applyOp(full, { type: "addNode", node: node("one-more") })).code).toBe("too_large");
  });

  it("a link beyond the map's link limit", () => {
    // 142 nodes have 142 × 141 = 20,022 ordered pairs: the limit uses all but the last 22.
    const nodes = Array.from({ length: 142 }, (_, i) => node(`n${i}`));
    const pairs = nodes.flatMap((a) => nodes.filter((b) => b !== a).map((b) => [a.id, b.id] as const));
    const edges = pairs.slice(0, LIMITS.edgesPerMap).map(([from, to], i) => edge(`e${i}`, from, to));
    const full = docOf({ nodes, edges });
    const error = rejection(applyOp(full, { type: "addEdge", edge: edge("one-more", "n141", "n140") }));
    expect(error.code).toBe("too_large");
  });

  it("a source beyond the map's source limit", () => {
    const full = docOf({ sources: Array.from({ length: LIMITS.sourcesPerMap }, (_, i) => source(`s${i}`)) });
    expect(rejection(applyOp(full, { type: "addSource", source: source("one-more") })).code).toBe("too_large");
  });
});

describe("applyOp applies", () => {
  it("a move of several nodes even when some were deleted meanwhile", () => {
    const doc = applied(applyOp(debate(), { type: "moveNodes", moves: [{ id: "gone", x: 5, y: 5 }, { id: "c", x: 7, y: 8 }] }));
    expect(doc.nodes.c).toMatchObject({ x: 7, y: 8 });
    expect(Object.keys(doc.nodes)).toEqual(["c", "s", "r"]);
  });

  it("a delete of nodes together with every link touching them, ignoring ids already gone", () => {
    const doc = applied(applyOp(debate(), { type: "deleteNodes", ids: ["c", "gone"] }));
    expect(Object.keys(doc.nodes)).toEqual(["s", "r"]);
    expect(doc.edges).toEqual({});
  });

  it("a delete of a source, unlinking the nodes that cited it but keeping their quotes", () => {
    const doc = applied(applyOp(debate(), { type: "deleteSource", id: "s1" }));
    expect(doc.sources).toEqual({});
    expect(doc.nodes.s).toMatchObject({ sourceId: null, quote: "answer to Beijing" });
  });

  it("a link back the other way between two linked nodes", () => {
    const doc = applied(applyOp(debate(), { type: "addEdge", edge: edge("e9", "c", "s", "rebuts") }));
    expect(doc.edges.e9).toEqual(edge("e9", "c", "s", "rebuts"));
  });

  it("a patch of only the fields it names; an undefined field is left alone", () => {
    const doc = applied(applyOp(debate(), { type: "updateNode", id: "s", patch: { kind: "claim", text: undefined } }));
    expect(doc.nodes.s).toEqual({ ...debate().nodes.s, kind: "claim" });
  });

  it("a node, link and source whose ids are names of Object.prototype members", () => {
    let doc = applied(applyOp(emptyDoc(), { type: "addSource", source: source("__proto__") }));
    doc = applied(applyOp(doc, { type: "addNode", node: node("constructor", { sourceId: "__proto__" }) }));
    doc = applied(applyOp(doc, { type: "addNode", node: node("__proto__") }));
    doc = applied(applyOp(doc, { type: "addEdge", edge: edge("toString", "constructor", "__proto__") }));
    expect(Object.keys(doc.nodes)).toEqual(["constructor", "__proto__"]);
    expect(Object.getPrototypeOf(doc.nodes)).toBe(Object.prototype);
    doc = applied(applyOp(doc, { type: "deleteNodes", ids: ["__proto__"] }));
    expect(Object.keys(doc.nodes)).toEqual(["constructor"]);
    expect(doc.edges).toEqual({});
  });

  it.each<[string, Op]>([
    ["an edit that sets the same text", { type: "updateNode", id: "c", patch: { text: "Alibaba Cloud in the US is a security risk" } }],
    ["a move to where the node already is", { type: "moveNodes", moves: [{ id: "c", x: 0, y: 0 }] }],
    ["a link edit to the same relation", { type: "updateEdge", id: "e1", patch: { relation: "supports" } }],
    ["a source edit to the same title", { type: "updateSource", id: "s1", patch: { title: "Wall Street Journal op-ed" } }],
    ["a map edit to the same title", { type: "updateMap", patch: { title: "Alibaba in the US" } }],
  ])("%s, returning the very same doc", (_rule, op) => {
    const before = debate();
    expect(applied(applyOp(before, op))).toBe(before);
  });
});

describe("applyOp shares what it does not touch", () => {
  it("moving one node keeps every other node, the links, sources and meta identical", () => {
    const before = debate();
    const after = applied(applyOp(before, { type: "moveNodes", moves: [{ id: "s", x: 1, y: 2 }] }));
    expect(after.nodes.s).not.toBe(before.nodes.s);
    expect(after.nodes.c).toBe(before.nodes.c);
    expect(after.nodes.r).toBe(before.nodes.r);
    expect(after.edges).toBe(before.edges);
    expect(after.sources).toBe(before.sources);
    expect(after.meta).toBe(before.meta);
  });

  it("adding a link leaves the nodes record itself untouched", () => {
    const before = debate();
    const after = applied(applyOp(before, { type: "addEdge", edge: edge("e9", "c", "r", "rebuts") }));
    expect(after.nodes).toBe(before.nodes);
    expect(after.edges.e1).toBe(before.edges.e1);
  });

  it("deleting a node without links leaves the edges record untouched", () => {
    const before = docOf({ nodes: [node("a"), node("b")] });
    expect(applied(applyOp(before, { type: "deleteNodes", ids: ["a"] })).edges).toBe(before.edges);
  });

  it("deleting a source nobody cites leaves the nodes record untouched", () => {
    const before = docOf({ nodes: [node("a")], sources: [source("s1")] });
    expect(applied(applyOp(before, { type: "deleteSource", id: "s1" })).nodes).toBe(before.nodes);
  });
});

describe("checkOp", () => {
  it("gives the error applyOp would give, or null, without copying anything", () => {
    const before = debate();
    expect(checkOp(before, { type: "addEdge", edge: edge("e9", "c", "c") })).toEqual({
      code: "invalid_op",
      message: "a node cannot support or rebut itself",
    });
    expect(checkOp(before, { type: "deleteNodes", ids: ["c"] })).toBeNull();
    expect(before).toEqual(debate());
  });
});

describe("applyOps", () => {
  it("counts what earlier ops in the batch added when it checks a limit", () => {
    const ops: Op[] = Array.from({ length: LIMITS.nodesPerMap + 1 }, (_, i) => ({ type: "addNode", node: node(`n${i}`) }));
    expect(rejection(applyOps(emptyDoc(), ops))).toEqual({ code: "too_large", message: "a map holds at most 5000 nodes" });
    expect(applied(applyOps(emptyDoc(), ops.slice(1))).nodes.n1).toEqual(node("n1"));
  });

  it("sees links added and removed earlier in the batch when it checks for a second link", () => {
    const link = (id: string): Op => ({ type: "addEdge", edge: edge(id, "r", "s") });
    expect(rejection(applyOps(debate(), [link("e8"), link("e9")])).message).toBe("these nodes are already linked");
    expect(applyOps(debate(), [link("e8"), { type: "deleteEdge", id: "e8" }, link("e9")]).ok).toBe(true);
    expect(applyOps(debate(), [link("e8"), { type: "deleteNodes", ids: ["r"] }, { type: "addNode", node: node("r") }, link("e9")]).ok).toBe(true);
  });
});
