import { describe, expect, it } from "vitest";
import { breadcrumbs, foldView, toggled } from "./folding";
import { docFromSnapshot, type ArgEdge, type ArgNode } from "./types";

const node = (id: string, kind: ArgNode["kind"] = "support"): ArgNode => ({ id, kind, text: id, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 });
const edge = (from: string, to: string, relation: ArgEdge["relation"] = "supports"): ArgEdge => ({ id: `${from}-${to}`, from, to, relation });
const doc = (nodes: ArgNode[], edges: ArgEdge[]) => docFromSnapshot({ map: { id: "m", title: "t", description: "" }, nodes, edges, sources: [] });

// claim ← a ← a1, a2;  claim ← b (rebuts) ← b1;  other ← a (a reason for two claims)
const debate = doc(
  [node("claim", "claim"), node("a"), node("a1"), node("a2"), node("b", "rebuttal"), node("b1"), node("other", "claim")],
  [edge("a", "claim"), edge("a1", "a"), edge("a2", "a"), edge("b", "claim", "rebuts"), edge("b1", "b"), edge("a", "other")],
);

describe("foldView", () => {
  it("shows everything when nothing is folded", () => {
    const view = foldView(debate, {}, null);
    expect(view.shown).toBeNull();
    expect(view.reasons.get("claim")).toEqual({ total: 2, hidden: 0, open: true });
  });

  it("folding a node hides its reasons and theirs, and counts them", () => {
    const view = foldView(debate, toggled({}, "b", true), null);
    expect([...view.shown!].sort()).toEqual(["a", "a1", "a2", "b", "claim", "other"]);
    expect(view.reasons.get("b")).toEqual({ total: 1, hidden: 1, open: false });
  });

  it("a reason given for two nodes stays while one of them still shows it", () => {
    const view = foldView(debate, { claim: "closed" }, null);
    expect(view.shown!.has("a")).toBe(true);
    expect(view.shown!.has("b")).toBe(false);
    const both = foldView(debate, { claim: "closed", other: "closed" }, null);
    expect(both.shown!.has("a")).toBe(false);
  });

  it("focus shows the node with its reasons and objections only, one level until unfolded", () => {
    const view = foldView(debate, {}, "claim");
    expect([...view.shown!].sort()).toEqual(["a", "b", "claim"]);
    expect(view.reasons.get("a")).toEqual({ total: 2, hidden: 2, open: false });
    const deeper = foldView(debate, { a: "open" }, "claim");
    expect([...deeper.shown!].sort()).toEqual(["a", "a1", "a2", "b", "claim"]);
  });

  it("shows the nodes of a loop that has no top", () => {
    const loop = doc([node("x"), node("y")], [edge("x", "y"), edge("y", "x", "rebuts")]);
    expect(foldView(loop, {}, null).shown).toBeNull();
  });
});

describe("breadcrumbs", () => {
  it("lead from the top claim down to the focused node", () => {
    expect(breadcrumbs(debate, "a1")).toEqual(["claim", "a", "a1"]);
    expect(breadcrumbs(debate, "claim")).toEqual(["claim"]);
  });

  it("stop rather than go round a loop", () => {
    const loop = doc([node("x"), node("y")], [edge("x", "y"), edge("y", "x")]);
    expect(breadcrumbs(loop, "x")).toEqual(["y", "x"]);
  });
});
