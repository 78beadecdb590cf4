import { describe, expect, it } from "vitest";
import { countKinds, describeCounts, isWebUrl, outlineOf, type OutlineEntry } from "./outline";
import { debate, docOf, edge, node, reasoned } from "./testing/fixtures";

/** "id(relation)[reasons]" — the outline's shape, compact enough to compare in one line. */
function shape(entries: OutlineEntry[]): string {
  return entries
    .map((entry) => `${entry.node.id}${entry.relation ? `(${entry.relation})` : ""}${entry.repeated ? "*" : ""}${entry.reasons.length ? `[${shape(entry.reasons)}]` : ""}`)
    .join(" ");
}

describe("outline", () => {
  it("nests each claim's supports and rebuttals under it", () => {
    expect(shape(outlineOf(debate()))).toBe("c[s(supports) r(rebuts)]");
  });

  it("lists claims before other top-level points", () => {
    const doc = docOf({ nodes: [node("loose", { kind: "support" }), node("c", { kind: "claim" })] });
    expect(shape(outlineOf(doc))).toBe("c loose");
  });

  it("a reason given for two points is listed under both, its own reasons only once", () => {
    const doc = docOf({
      nodes: [node("a", { kind: "claim" }), node("b", { kind: "claim" }), node("shared"), node("deep", { kind: "rebuttal" })],
      edges: [edge("e1", "shared", "a"), edge("e2", "shared", "b", "rebuts"), edge("e3", "deep", "shared", "rebuts")],
    });
    expect(shape(outlineOf(doc))).toBe("a[shared(supports)[deep(rebuts)]] b[shared(rebuts)*]");
  });

  it("a cycle with no top still appears, each node once with its reasons", () => {
    const doc = docOf({ nodes: [node("x"), node("y")], edges: [edge("e1", "x", "y"), edge("e2", "y", "x", "rebuts")] });
    expect(shape(outlineOf(doc))).toBe("x[y(rebuts)[x(supports)*]]");
  });

  it("an empty map has an empty outline", () => {
    expect(outlineOf(docOf({}))).toEqual([]);
  });
});

describe("counts", () => {
  it("counts nodes by kind and says so in words", () => {
    const counts = countKinds(debate());
    expect(counts).toEqual({ claim: 1, support: 1, rebuttal: 1, argument: 0 });
    expect(describeCounts(counts)).toBe("1 claim, 1 support and 1 rebuttal");
    expect(describeCounts({ claim: 0, support: 2, rebuttal: 5, argument: 0 })).toBe("0 claims, 2 supports and 5 rebuttals");
    expect(describeCounts({ claim: 1, support: 2, rebuttal: 0, argument: 1 })).toBe("1 claim, 2 supports, 0 rebuttals and 1 argument");
  });
});

describe("links in user text", () => {
  it.each([
    ["https://www.reuters.com/a", true],
    ["http://example.org", true],
    ["javascript:alert(1)", false],
    ["JAVASCRIPT:alert(1)", false],
    [" javascript:alert(1)", false],
    ["data:text/html,<script>1</script>", false],
    ["//evil.example", false],
    ["", false],
  ])("%s is a web address: %s", (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});

describe("outline of a reason with several premises, and undercuts", () => {
  it("nests an argument under its point with its premises first, and each undercut under the reason of the link it objects to", () => {
    expect(shape(outlineOf(reasoned()))).toBe("c[a(supports)[p1(premise) p2(premise) u(undercuts)] r(rebuts)[v(undercuts)]]");
  });

  it("gives each listed node the link that puts it there", () => {
    const [top] = outlineOf(reasoned());
    const argument = top!.reasons[0]!;
    expect(argument.edge?.id).toBe("conc");
    expect(argument.reasons.map((entry) => entry.edge?.id)).toEqual(["prem1", "prem2", "under"]);
  });

  it("lists the undercuts of a link under every listing of that link's reason, even a repeated one", () => {
    const doc = docOf({
      nodes: [node("a", { kind: "claim" }), node("b", { kind: "claim" }), node("shared"), node("u", { kind: "rebuttal" })],
      edges: [edge("e1", "shared", "a"), edge("e2", "shared", "b"), edge("cut", "u", "e2", "undercuts")],
    });
    expect(shape(outlineOf(doc))).toBe("a[shared(supports)] b[shared(supports)*[u(undercuts)]]");
  });
});
