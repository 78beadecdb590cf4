import { describe, expect, it } from "vitest";
import { applyOps } from "../map/apply";
import { linksContradicting } from "../map/consistency";
import type { ArgNode, MapDoc } from "../map/types";
import { emptyDoc } from "../map/types";
import { changeKindOps } from "./changeKind";
import { restoreDeletedOps, restoreKeptTextOps, restoreVersionOps } from "./restore";

const node = (id: string, patch: Partial<ArgNode> = {}): ArgNode => ({ id, kind: "claim", text: id, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0, ...patch });

function map(): MapDoc {
  const doc = emptyDoc();
  doc.sources.s1 = { id: "s1", title: "Source", publisher: "", author: "", date: "", url: "", text: "" };
  doc.nodes.top = node("top");
  doc.nodes.r = node("r", { kind: "support", text: "Now", sourceId: "s1" });
  doc.nodes.other = node("other");
  doc.edges.e1 = { id: "e1", from: "r", to: "top", relation: "supports" };
  doc.edges.e2 = { id: "e2", from: "r", to: "other", relation: "rebuts" };
  doc.edges.e3 = { id: "e3", from: "other", to: "r", relation: "supports" };
  return doc;
}

const applied = (doc: MapDoc, ops: ReturnType<typeof restoreVersionOps>) => {
  if (!ops) return doc;
  const result = applyOps(doc, ops);
  if (!result.ok) throw new Error(result.error.message);
  return result.doc;
};

describe("restoring", () => {
  it("a version sets back what the node said, not where it is", () => {
    const doc = map();
    const restored = applied(doc, restoreVersionOps(doc, node("r", { kind: "rebuttal", text: "Then", speaker: "Ada", sourceId: "s1", x: 900 })));
    expect(restored.nodes.r).toEqual({ ...doc.nodes.r, kind: "rebuttal", text: "Then", speaker: "Ada" });
    expect(restoreVersionOps(restored, restored.nodes.r!)).toBe(false);
  });

  it("a version citing a source deleted since comes back without it", () => {
    const doc = map();
    expect(restoreVersionOps(doc, node("r", { text: "Then", sourceId: "gone" }))).toEqual([{ type: "updateNode", id: "r", patch: { kind: "claim", text: "Then", sourceId: null } }]);
  });

  it("a deleted node comes back with every link whose other end is still there", () => {
    const doc = map();
    const links = Object.values(doc.edges);
    const gone = applied(doc, [{ type: "deleteNodes", ids: ["r", "other"] }]);
    const back = applied(gone, restoreDeletedOps(gone, doc.nodes.r!, links));
    expect(Object.keys(back.edges)).toEqual(["e1"]);
    const both = applied(back, restoreDeletedOps(back, doc.nodes.other!, links));
    expect(Object.keys(both.edges).sort()).toEqual(["e1", "e2", "e3"]);
    expect(restoreDeletedOps(both, doc.nodes.r!, links)).toBe(false);
  });

  it("undercuts come back too: aimed at a link that is still there, or at one that comes back with the node", () => {
    const doc = map();
    doc.nodes.obj = node("obj", { kind: "rebuttal", text: "Not always" });
    doc.edges.u1 = { id: "u1", from: "obj", to: "e1", relation: "undercuts" };
    // Listed undercut first: the link it aims at must still be added before it.
    const links = [doc.edges.u1, doc.edges.e1!];
    const withoutReason = applied(doc, [{ type: "deleteNodes", ids: ["r"] }]);
    expect(withoutReason.edges.u1).toBeUndefined();
    const back = applied(withoutReason, restoreDeletedOps(withoutReason, doc.nodes.r!, links));
    expect(back.edges.e1).toEqual(doc.edges.e1);
    expect(back.edges.u1).toEqual(doc.edges.u1);
    const withoutObjection = applied(doc, [{ type: "deleteNodes", ids: ["obj"] }]);
    expect(applied(withoutObjection, restoreDeletedOps(withoutObjection, doc.nodes.obj!, [doc.edges.u1])).edges.u1).toEqual(doc.edges.u1);
  });

  it("kept text goes back into its node, or brings the deleted node back with it", () => {
    const doc = map();
    expect(restoreKeptTextOps(doc, { nodeId: "r", text: "Mine" })).toEqual([{ type: "updateNode", id: "r", patch: { text: "Mine" } }]);
    const gone = applied(doc, [{ type: "deleteNodes", ids: ["r"] }]);
    const back = applied(gone, restoreKeptTextOps(gone, { nodeId: "r", text: "Mine", node: doc.nodes.r, links: [doc.edges.e1!] }));
    expect(back.nodes.r).toEqual({ ...doc.nodes.r, text: "Mine" });
    expect(back.edges.e1).toEqual(doc.edges.e1);
  });
});

describe("kind and links", () => {
  it("a rebuttal's supports links contradict it; premise-like and claim links never do", () => {
    const doc = map();
    expect(linksContradicting(doc, "r", "rebuttal").map((e) => e.id)).toEqual(["e1"]);
    expect(linksContradicting(doc, "r", "support").map((e) => e.id)).toEqual(["e2"]);
    expect(linksContradicting(doc, "r", "claim")).toEqual([]);
  });

  it("changing the kind can flip the contradicting links in the same step", () => {
    const doc = map();
    expect(changeKindOps(doc, "r", "rebuttal", { flipLinks: true })).toEqual([
      { type: "updateNode", id: "r", patch: { kind: "rebuttal" } },
      { type: "updateEdge", id: "e1", patch: { relation: "rebuts" } },
    ]);
    expect(changeKindOps(doc, "r", "rebuttal", { flipLinks: false })).toEqual([{ type: "updateNode", id: "r", patch: { kind: "rebuttal" } }]);
    expect(changeKindOps(doc, "r", "support", { flipLinks: true })).toBe(false);
  });
});
