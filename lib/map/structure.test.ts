/**
 * The argument-structure rules of docs/structure.md, one case per rule, as applyOp enforces them
 * for every client and the server alike; and the cascades, which undo restores whole.
 */
import { describe, expect, it } from "vitest";
import { applyOp, applyOps, type ApplyResult } from "./apply";
import { findIntegrityProblem } from "./integrity";
import { inverseOf } from "./inverse";
import type { Op, OpError } from "./ops";
import { docOf, edge, node, reasoned } from "./testing/fixtures";
import type { MapDoc } from "./types";

function applied(result: ApplyResult): MapDoc {
  if (!result.ok) throw new Error(`expected the op to apply, got ${result.error.code}: ${result.error.message}`);
  return result.doc;
}

function rejection(result: ApplyResult): OpError {
  if (result.ok) throw new Error("expected the op to be rejected");
  return result.error;
}

describe("the structure rules reject", () => {
  // [rule, op against reasoned(), code, message]
  const cases: [string, Op, OpError["code"], string | RegExp][] = [
    ["a premise into a statement", { type: "addEdge", edge: edge("x", "r", "p1", "premise") }, "invalid_op", /target is not an argument/],
    ["a premise of itself", { type: "addEdge", edge: edge("x", "a", "a", "premise") }, "invalid_op", "a node cannot be a premise of itself"],
    ["an undercut of a link that does not exist", { type: "addEdge", edge: edge("x", "r", "gone", "undercuts") }, "not_found", "link gone no longer exists"],
    ["an undercut aimed at a node", { type: "addEdge", edge: edge("x", "r", "c", "undercuts") }, "not_found", "link c no longer exists"],
    ["an undercut of a premise link", { type: "addEdge", edge: edge("x", "r", "prem1", "undercuts") }, "invalid_op", /not to a premise or another undercut/],
    ["an undercut of an undercut", { type: "addEdge", edge: edge("x", "r", "under", "undercuts") }, "invalid_op", /not to a premise or another undercut/],
    ["an undercut from the link's own reason", { type: "addEdge", edge: edge("x", "a", "conc", "undercuts") }, "invalid_op", "a node cannot undercut a link it is an end of"],
    ["an undercut from the link's own point", { type: "addEdge", edge: edge("x", "c", "conc", "undercuts") }, "invalid_op", "a node cannot undercut a link it is an end of"],
    ["an undercut from a node that does not exist", { type: "addEdge", edge: edge("x", "gone", "conc", "undercuts") }, "not_found", "node gone no longer exists"],
    ["a second undercut of the same link by the same node", { type: "addEdge", edge: edge("x", "u", "conc", "undercuts") }, "conflict", "these nodes are already linked"],
    ["switching a premise to supports", { type: "updateEdge", id: "prem1", patch: { relation: "supports" } }, "invalid_op", /only supports and rebuts can be switched/],
    ["switching an undercut to rebuts", { type: "updateEdge", id: "under", patch: { relation: "rebuts" } }, "invalid_op", /only supports and rebuts can be switched/],
    ["switching a support into a premise", { type: "updateEdge", id: "conc", patch: { relation: "premise" } }, "invalid_op", /only supports and rebuts can be switched/],
    ["switching a support into an undercut", { type: "updateEdge", id: "reb", patch: { relation: "undercuts" } }, "invalid_op", /only supports and rebuts can be switched/],
    ["an argument with premises becoming a statement", { type: "updateNode", id: "a", patch: { kind: "claim" } }, "invalid_op", /remove its premises first/],
    ["a premise becoming an argument", { type: "updateNode", id: "p2", patch: { kind: "argument" } }, "invalid_op", /premises are statements/],
  ];
  it.each(cases)("%s", (_rule, op, code, message) => {
    const error = rejection(applyOp(reasoned(), op));
    expect(error.code).toBe(code);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("an argument as a premise of another argument", () => {
    const doc = applied(applyOp(reasoned(), { type: "addNode", node: node("a2", { kind: "argument" }) }));
    expect(rejection(applyOp(doc, { type: "addEdge", edge: edge("x", "a2", "a", "premise") })).message).toBe("an argument cannot be a premise: premises are statements");
  });
});

describe("the structure rules allow", () => {
  it.each<[string, Op]>([
    ["a premise from a statement into an argument", { type: "addEdge", edge: edge("x", "r", "a", "premise") }],
    ["a rebuttal of an argument as a whole", { type: "addEdge", edge: edge("x", "r", "a", "rebuts") }],
    ["an argument supporting another node", { type: "addEdge", edge: edge("x", "a", "r", "rebuts") }],
    ["an undercut of a rebuts link", { type: "addEdge", edge: edge("x", "u", "reb", "undercuts") }],
    ["an undercut from an argument", { type: "addEdge", edge: edge("x", "a", "reb", "undercuts") }],
    ["switching a supports link to rebuts", { type: "updateEdge", id: "conc", patch: { relation: "rebuts" } }],
    ["a statement without premise links becoming an argument", { type: "updateNode", id: "r", patch: { kind: "argument" } }],
    ["a premise switching between statement kinds", { type: "updateNode", id: "p1", patch: { kind: "claim" } }],
  ])("%s", (_rule, op) => {
    const doc = applied(applyOp(reasoned(), op));
    expect(findIntegrityProblem(doc)).toBeNull();
  });

  it("an argument without premises becoming a statement", () => {
    const doc = applied(applyOps(reasoned(), [{ type: "deleteEdge", id: "prem1" }, { type: "deleteEdge", id: "prem2" }, { type: "updateNode", id: "a", patch: { kind: "claim" } }]));
    expect(doc.nodes.a?.kind).toBe("claim");
  });

  it("a node and a link with the same id: deleting the node takes its own links, not the link named like it", () => {
    const doc = docOf({ nodes: [node("x"), node("y"), node("e1")], edges: [edge("e1", "x", "y")] });
    const both = applied(applyOps(doc, [{ type: "addEdge", edge: edge("to-node", "y", "e1", "rebuts") }, { type: "addEdge", edge: edge("to-link", "e1", "e1", "undercuts") }]));
    expect(findIntegrityProblem(both)).toBeNull();
    const gone = applied(applyOp(both, { type: "deleteNodes", ids: ["e1"] }));
    expect(Object.keys(gone.edges)).toEqual(["e1"]);
  });
});

describe("cascades", () => {
  it("deleting a link deletes the undercuts aimed at it", () => {
    const doc = applied(applyOp(reasoned(), { type: "deleteEdge", id: "conc" }));
    expect(Object.keys(doc.edges)).toEqual(["prem1", "prem2", "reb", "under2"]);
    expect(Object.keys(doc.nodes)).toContain("u");
  });

  it("deleting an argument deletes its premise links and its link to its point, and the undercuts of that link; the premises stay", () => {
    const doc = applied(applyOp(reasoned(), { type: "deleteNodes", ids: ["a"] }));
    expect(Object.keys(doc.edges)).toEqual(["reb", "under2"]);
    expect(Object.keys(doc.nodes)).toEqual(["c", "p1", "p2", "r", "u", "v"]);
  });

  it("deleting the node a link points at deletes the undercuts of every link into it", () => {
    const doc = applied(applyOp(reasoned(), { type: "deleteNodes", ids: ["c"] }));
    expect(Object.keys(doc.edges)).toEqual(["prem1", "prem2"]);
  });

  it("deleting an undercutting node deletes its undercut, not the link", () => {
    const doc = applied(applyOp(reasoned(), { type: "deleteNodes", ids: ["u"] }));
    expect(Object.keys(doc.edges)).toEqual(["prem1", "prem2", "conc", "reb", "under2"]);
  });

  it.each<[string, Op]>([
    ["a link with undercuts", { type: "deleteEdge", id: "conc" }],
    ["an argument with premises", { type: "deleteNodes", ids: ["a"] }],
    ["a point with undercut reasons", { type: "deleteNodes", ids: ["c"] }],
    ["an undercutting node", { type: "deleteNodes", ids: ["u", "v"] }],
  ])("undo of deleting %s restores everything it took", (_what, op) => {
    const before = reasoned();
    const after = applied(applyOp(before, op));
    expect(applied(applyOps(after, inverseOf(before, op)))).toEqual(before);
  });

  it("the undo of deleting a link with undercuts adds the link back before the undercuts", () => {
    expect(inverseOf(reasoned(), { type: "deleteEdge", id: "conc" })).toEqual([
      { type: "addEdge", edge: edge("conc", "a", "c", "supports") },
      { type: "addEdge", edge: edge("under", "u", "conc", "undercuts") },
    ]);
  });
});

describe("a whole doc (an import, a copy) is checked against the same rules", () => {
  it.each<[string, MapDoc, RegExp]>([
    ["a premise into a statement", docOf({ nodes: [node("a"), node("b")], edges: [edge("e", "a", "b", "premise")] }), /link "e": .*not an argument/],
    ["an undercut of a missing link", docOf({ nodes: [node("a")], edges: [edge("e", "a", "zz", "undercuts")] }), /link "e" points to link "zz"/],
    ["an undercut from an end of its link", docOf({ nodes: [node("a"), node("b")], edges: [edge("l", "a", "b"), edge("e", "a", "l", "undercuts")] }), /link "e": a node cannot undercut a link it is an end of/],
  ])("%s", (_rule, doc, message) => {
    expect(findIntegrityProblem(doc)?.message).toMatch(message);
  });

  it("a sound structured map passes", () => {
    expect(findIntegrityProblem(reasoned())).toBeNull();
  });
});
