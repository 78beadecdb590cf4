import { describe, expect, it } from "vitest";
import { firstRowOf, outlineTree, treeMove, visibleRows, type OutlineTree } from "./outlineTree";
import { debate, docOf, edge, node, reasoned } from "./testing/fixtures";

/** "key@level" for each row, in reading order. */
const layout = (tree: OutlineTree, collapsed: ReadonlySet<string> = new Set()) =>
  visibleRows(tree, collapsed).map((row) => `${row.key}@${row.level}`);

/** Two claims share a reason, which has a rebuttal of its own. */
function sharedReason() {
  return docOf({
    nodes: [node("a", { kind: "claim" }), node("b", { kind: "claim" }), node("shared"), node("deep", { kind: "rebuttal" })],
    edges: [edge("e1", "shared", "a"), edge("e2", "shared", "b", "rebuts"), edge("e3", "deep", "shared", "rebuts")],
  });
}

describe("outline tree", () => {
  it("nests premises under their argument and an undercut under the reason of its link, with keys of their own", () => {
    const tree = outlineTree(reasoned());
    expect(layout(tree)).toEqual(["c@1", "c/a@2", "c/a/p1@3", "c/a/p2@3", "c/a/u~undercut@3", "c/r@2", "c/r/v~undercut@3"]);
    expect(tree.byKey.get("c/a/u~undercut")?.edge?.id).toBe("under");
  });

  it("keeps keys unique when a node is both a reason for a node and an undercut of that node's link", () => {
    const doc = docOf({
      nodes: [node("c", { kind: "claim" }), node("s"), node("x", { kind: "rebuttal" })],
      edges: [edge("e1", "s", "c"), edge("e2", "x", "s", "rebuts"), edge("cut", "x", "e1", "undercuts")],
    });
    const keys = outlineTree(doc).rows.map((row) => row.key);
    expect(keys).toEqual(["c", "c/s", "c/s/x", "c/s/x~undercut"]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("lists each claim, then its supports and rebuttals one level deeper", () => {
    const tree = outlineTree(debate());
    expect(layout(tree)).toEqual(["c@1", "c/s@2", "c/r@2"]);
    expect(tree.rows.map((row) => row.relation)).toEqual([null, "supports", "rebuts"]);
    expect(tree.byKey.get("c")?.childKeys).toEqual(["c/s", "c/r"]);
    expect(tree.rows.map((row) => `${row.position}/${row.siblings}`)).toEqual(["1/1", "1/2", "2/2"]);
  });

  it("a reason given for two claims is listed under both, each listing naming the other", () => {
    const tree = outlineTree(sharedReason());
    expect(layout(tree)).toEqual(["a@1", "a/shared@2", "a/shared/deep@3", "b@1", "b/shared@2"]);
    const underA = tree.byKey.get("a/shared")!;
    const underB = tree.byKey.get("b/shared")!;
    expect(underA.alsoUnder.map((other) => other.id)).toEqual(["b"]);
    expect(underB.alsoUnder.map((other) => other.id)).toEqual(["a"]);
    expect(underB.repeated).toBe(true);
    expect(underB.childKeys).toEqual([]);
  });

  it("a cycle ends where a node comes round again, without recursing for ever", () => {
    const doc = docOf({ nodes: [node("x"), node("y")], edges: [edge("e1", "x", "y"), edge("e2", "y", "x", "rebuts")] });
    const tree = outlineTree(doc);
    expect(layout(tree)).toEqual(["x@1", "x/y@2", "x/y/x@3"]);
    expect(tree.byKey.get("x/y/x")?.repeated).toBe(true);
    expect(tree.byKey.get("x")?.alsoUnder.map((other) => other.id)).toEqual(["y"]);
  });

  it("a very long chain of reasons does not overflow the stack", () => {
    const count = 5_000;
    const nodes = Array.from({ length: count }, (_, at) => node(`n${at}`, { kind: at === 0 ? "claim" : "support" }));
    const edges = nodes.slice(1).map((reason, at) => edge(`e${at}`, reason.id, `n${at}`));
    const tree = outlineTree(docOf({ nodes, edges }));
    expect(new Set(tree.rows.map((row) => row.node.id)).size).toBe(count);
  });

  it("keys are unique even when ids contain the separator", () => {
    const doc = docOf({ nodes: [node("a/b", { kind: "claim" }), node("a"), node("b")], edges: [edge("e1", "a", "a/b")] });
    const keys = outlineTree(doc).rows.map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("collapsing a row hides everything beneath it", () => {
    const tree = outlineTree(sharedReason());
    expect(layout(tree, new Set(["a"]))).toEqual(["a@1", "b@1", "b/shared@2"]);
    expect(layout(tree, new Set(["a/shared"]))).toEqual(["a@1", "a/shared@2", "b@1", "b/shared@2"]);
  });

  it("finds the first listing of a node", () => {
    expect(firstRowOf(outlineTree(sharedReason()), "shared")?.key).toBe("a/shared");
    expect(firstRowOf(outlineTree(sharedReason()), "missing")).toBeUndefined();
  });
});

describe("outline keys", () => {
  const tree = outlineTree(sharedReason());
  const none = new Set<string>();

  it.each([
    ["a", "ArrowDown", { focus: "a/shared" }],
    ["a/shared/deep", "ArrowDown", { focus: "b" }],
    ["b/shared", "ArrowDown", null],
    ["b", "ArrowUp", { focus: "a/shared/deep" }],
    ["a", "ArrowUp", null],
    ["a/shared", "Home", { focus: "a" }],
    ["a", "End", { focus: "b/shared" }],
    ["a", "ArrowRight", { focus: "a/shared" }],
    ["a/shared/deep", "ArrowRight", null],
    ["a", "ArrowLeft", { collapse: "a" }],
    ["a/shared/deep", "ArrowLeft", { focus: "a/shared" }],
    ["b/shared", "ArrowLeft", { focus: "b" }],
    ["a", "x", null],
  ])("from %s, %s gives %j", (from, key, expected) => {
    expect(treeMove(tree, none, from, key)).toEqual(expected);
  });

  it("Right opens a closed row, Left on a closed row goes to its parent", () => {
    expect(treeMove(tree, new Set(["a"]), "a", "ArrowRight")).toEqual({ expand: "a" });
    expect(treeMove(tree, new Set(["a/shared"]), "a/shared", "ArrowLeft")).toEqual({ focus: "a" });
  });

  it("Up and Down skip the rows of a closed branch", () => {
    expect(treeMove(tree, new Set(["a"]), "a", "ArrowDown")).toEqual({ focus: "b" });
    expect(treeMove(tree, new Set(["a"]), "b", "ArrowUp")).toEqual({ focus: "a" });
  });

  it("a focus on a row that is gone moves to the first row", () => {
    expect(treeMove(tree, none, "deleted", "ArrowDown")).toEqual({ focus: "a" });
  });
});
