/** Building reasons of several premises and undercuts through the actions registry, as the toolbar, keys and side panel do. */
import { describe, expect, it } from "vitest";
import { applyOps } from "../map/apply";
import { findIntegrityProblem } from "../map/integrity";
import type { Op } from "../map/ops";
import { debate, docOf, edge, node, reasoned } from "../map/testing/fixtures";
import type { MapDoc, Role } from "../map/types";
import { link, linkNodes } from "./link";
import { addPremise, combinePremises, coPremisePlan, removePremise } from "./reasons";
import type { ActionContext } from "./types";
import { undercutLink } from "./undercut";

function context(doc: MapDoc, selection: { nodeIds?: string[]; edgeIds?: string[] } = {}, role: Role = "edit"): ActionContext {
  let counter = 0;
  return {
    doc,
    role,
    selection: { nodeIds: selection.nodeIds ?? [], edgeIds: selection.edgeIds ?? [] },
    canUndo: false,
    canRedo: false,
    insertionPoint: () => ({ x: 0, y: 0 }),
    sizeOf: () => ({ width: 200, height: 100 }),
    newId: () => `new${++counter}`,
  };
}

/** The doc after the ops, which must all apply and leave a sound map. */
function after(doc: MapDoc, ops: Op[] | false): MapDoc {
  if (!ops) throw new Error("the action did nothing");
  const result = applyOps(doc, ops);
  if (!result.ok) throw new Error(result.error.message);
  expect(findIntegrityProblem(result.doc)).toBeNull();
  return result.doc;
}

/** Two separate supports of one claim, and a rebuttal. */
function twoSupports(): MapDoc {
  return docOf({
    nodes: [node("c", { kind: "claim", text: "Ban phones in class" }), node("s1", { y: 200 }), node("s2", { x: 300, y: 200 }), node("r", { kind: "rebuttal", x: 600, y: 200 })],
    edges: [edge("e1", "s1", "c"), edge("e2", "s2", "c"), edge("e3", "r", "c", "rebuts"), edge("u1", "r", "e1", "undercuts")],
  });
}

describe("combining statements as co-premises", () => {
  it("makes one argument that holds them as premises and carries their link to the point they shared", () => {
    const ctx = context(twoSupports(), { nodeIds: ["s1", "s2"] });
    expect(combinePremises.enabled(ctx)).toBe(true);
    expect(combinePremises.labelFor!(ctx)).toBe("Combine as co-premises of a reason for “Ban phones in class”");
    const doc = after(ctx.doc, combinePremises.perform(ctx));
    const argument = Object.values(doc.nodes).find((n) => n.kind === "argument")!;
    const links = Object.values(doc.edges).map((e) => `${e.from} ${e.relation} ${e.to}`);
    expect(links).toEqual(expect.arrayContaining([`${argument.id} supports c`, `s1 premise ${argument.id}`, `s2 premise ${argument.id}`, "r rebuts c"]));
    expect(links).not.toContain("s1 supports c");
    expect(links).not.toContain("s2 supports c");
  });

  it("puts the argument where the premises were, and moves them and the reasons below them down a row", () => {
    const doc = after(twoSupports(), [{ type: "addNode", node: node("deep", { y: 400 }) }, { type: "addEdge", edge: edge("e9", "deep", "s1") }]);
    const ctx = context(doc, { nodeIds: ["s1", "s2"] });
    const done = after(doc, combinePremises.perform(ctx));
    const argument = Object.values(done.nodes).find((n) => n.kind === "argument")!;
    expect(argument).toMatchObject({ x: 250 - 100, y: 200 });
    expect([done.nodes.s1!.y, done.nodes.s2!.y, done.nodes.deep!.y]).toEqual([390, 390, 590]);
    expect([done.nodes.c!.y, done.nodes.r!.y]).toEqual([0, 200]);
  });

  it("moves an undercut of a premise's old link onto the argument's link", () => {
    const ctx = context(twoSupports(), { nodeIds: ["s1", "s2"] });
    const doc = after(ctx.doc, combinePremises.perform(ctx));
    const conclusion = Object.values(doc.edges).find((e) => e.relation === "supports")!;
    expect(Object.values(doc.edges).filter((e) => e.relation === "undercuts")).toEqual([expect.objectContaining({ from: "r", to: conclusion.id })]);
  });

  it("says against for rebuttals, and takes in a statement not yet linked", () => {
    const doc = docOf({ nodes: [node("c", { kind: "claim", text: "Point" }), node("r1", { kind: "rebuttal" }), node("r2", { kind: "rebuttal" })], edges: [edge("e1", "r1", "c", "rebuts")] });
    const ctx = context(doc, { nodeIds: ["r1", "r2"] });
    expect(combinePremises.labelFor!(ctx)).toBe("Combine as co-premises of a reason against “Point”");
    const done = after(doc, combinePremises.perform(ctx));
    expect(Object.values(done.edges).filter((e) => e.relation === "premise")).toHaveLength(2);
  });

  it.each<[string, string[], RegExp]>([
    ["one statement", ["s1"], /two or more/],
    ["statements linked to nothing", ["c", "r"], /Link one of them/],
    ["an argument among them", ["a", "p1"], /Only statements can be premises/],
  ])("is refused for %s, saying why", (_what, nodeIds, problem) => {
    const doc = nodeIds.includes("a") ? reasoned() : twoSupports();
    const ctx = context(doc, { nodeIds });
    expect(combinePremises.enabled(ctx)).toBe(false);
    expect(combinePremises.problem!(ctx)).toMatch(problem);
  });

  it("is refused when they argue the same point different ways", () => {
    const doc = docOf({ nodes: [node("c"), node("a1"), node("a2"), node("a3")], edges: [edge("e1", "a1", "c"), edge("e2", "a2", "c"), edge("e3", "a3", "c", "rebuts")] });
    expect(coPremisePlan(doc, ["a1", "a2", "a3"])).toEqual({ problem: expect.stringMatching(/all supports or all rebuts/) });
  });

  it("is refused on a view link", () => {
    expect(combinePremises.enabled(context(twoSupports(), { nodeIds: ["s1", "s2"] }, "view"))).toBe(false);
  });

  it("works from a value (the side panel's choice) whatever the selection", () => {
    const ctx = context(twoSupports(), { nodeIds: ["c"] });
    expect(combinePremises.problem!(ctx, { nodeIds: ["s1", "s2"] })).toBeNull();
    expect(after(ctx.doc, combinePremises.perform(ctx, { nodeIds: ["s1", "s2"] }))).toBeTruthy();
  });
});

describe("adding and removing premises", () => {
  it("adds a new statement as a premise of the selected argument, below it", () => {
    const ctx = context(reasoned(), { nodeIds: ["a"] });
    expect(addPremise.labelFor!(ctx)).toBe("Add a premise");
    const ops = addPremise.perform(ctx) as Op[];
    expect(ops).toEqual([
      { type: "addNode", node: expect.objectContaining({ kind: "support", text: "" }) },
      { type: "addEdge", edge: expect.objectContaining({ to: "a", relation: "premise" }) },
    ]);
    after(ctx.doc, ops);
  });

  it("makes statements selected with an argument its premises, dropping their own links to its point", () => {
    const doc = after(reasoned(), [{ type: "addNode", node: node("s") }, { type: "addEdge", edge: edge("direct", "s", "c") }]);
    const ctx = context(doc, { nodeIds: ["a", "s"] });
    expect(addPremise.labelFor!(ctx)).toBe("Add as premises of “Jobs argument”");
    const done = after(doc, addPremise.perform(ctx));
    expect(done.edges.direct).toBeUndefined();
    expect(Object.values(done.edges)).toContainEqual(expect.objectContaining({ from: "s", to: "a", relation: "premise" }));
  });

  it("is not offered without exactly one argument selected", () => {
    expect(addPremise.enabled(context(reasoned(), { nodeIds: ["c"] }))).toBe(false);
    expect(addPremise.enabled(context(debate(), { nodeIds: [] }))).toBe(false);
  });

  it("removes a premise link, given or selected; the statement stays", () => {
    const ctx = context(reasoned(), { edgeIds: ["prem1"] });
    expect(removePremise.enabled(ctx)).toBe(true);
    const done = after(ctx.doc, removePremise.perform(ctx));
    expect(done.edges.prem1).toBeUndefined();
    expect(done.nodes.p1).toBeDefined();
    expect(removePremise.perform(context(reasoned()), { edgeId: "prem2" })).toEqual([{ type: "deleteEdge", id: "prem2" }]);
    expect(removePremise.perform(context(reasoned()), { edgeId: "conc" })).toBe(false);
  });
});

describe("undercutting a link", () => {
  it("adds an objection beside the selected link, aimed at the link", () => {
    const ctx = context(debate(), { edgeIds: ["e1"] });
    expect(undercutLink.enabled(ctx)).toBe(true);
    const ops = undercutLink.perform(ctx) as Op[];
    expect(ops).toEqual([
      { type: "addNode", node: expect.objectContaining({ kind: "rebuttal", text: "" }) },
      { type: "addEdge", edge: expect.objectContaining({ to: "e1", relation: "undercuts" }) },
    ]);
    after(ctx.doc, ops);
  });

  it("is offered only for one selected supports or rebuts link", () => {
    expect(undercutLink.enabled(context(reasoned(), { edgeIds: ["prem1"] }))).toBe(false);
    expect(undercutLink.enabled(context(reasoned(), { edgeIds: ["under"] }))).toBe(false);
    expect(undercutLink.enabled(context(reasoned(), { edgeIds: ["conc", "reb"] }))).toBe(false);
    expect(undercutLink.problem!(context(reasoned()), { edgeId: "prem1" })).toMatch(/Only a supports or rebuts link/);
  });
});

describe("the link action", () => {
  it("undercuts when dropped on a link, joins the premises when a statement goes into an argument, else follows the kind", () => {
    expect(linkNodes(reasoned(), "r", "conc", "x")).toMatchObject({ ok: true, ops: [{ type: "addEdge", edge: { relation: "undercuts" } }] });
    expect(linkNodes(reasoned(), "r", "a", "x")).toMatchObject({ ok: true, ops: [{ type: "addEdge", edge: { relation: "premise" } }] });
    expect(linkNodes(reasoned(), "a", "r", "x")).toMatchObject({ ok: true, ops: [{ type: "addEdge", edge: { relation: "supports" } }] });
    expect(linkNodes(reasoned(), "r", "a", "x", "rebuts")).toMatchObject({ ok: true, ops: [{ type: "addEdge", edge: { relation: "rebuts" } }] });
  });

  it.each<[string, string, string, ("premise" | "undercuts")?, RegExp?]>([
    ["a premise into a statement", "v", "c", "premise", /A premise is a statement linked into an argument/],
    ["an undercut from an end of the link", "a", "conc", "undercuts", /cannot come from either end/],
    ["a second undercut of one link", "u", "conc", undefined, /already undercuts that link/],
    ["an undercut of a link that is gone", "u", "gone", "undercuts", /That link no longer exists/],
  ])("refuses %s, saying why", (_what, from, to, relation, problem) => {
    const ctx = context(reasoned());
    expect(link.problem!(ctx, { from, to, relation, edgeId: "x" })).toMatch(problem!);
    expect(link.perform(ctx, { from, to, relation, edgeId: "x" })).toBe(false);
  });
});
