import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAIM_WIDTH, estimateNodeSize, NODE_WIDTH, tidyLayout, type LayoutInput, type LayoutPositions } from "./layout";

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxes(input: LayoutInput, positions: LayoutPositions): Box[] {
  return input.nodes.map((node) => ({ ...node, ...positions[node.id]! }));
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function overlappingPairs(input: LayoutInput, positions: LayoutPositions): [string, string][] {
  const all = boxes(input, positions);
  const pairs: [string, string][] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) if (overlap(all[i]!, all[j]!)) pairs.push([all[i]!.id, all[j]!.id]);
  }
  return pairs;
}

/** Ids include ones that trip up plain-object maps ("__proto__", integer-like strings). */
const awkwardIds = ["__proto__", "constructor", "0", "1", "10", "toString", "a b", "é"];
const idOf = (i: number) => awkwardIds[i] ?? `node-${i}`;

const size = fc.record({ width: fc.integer({ min: 20, max: 400 }), height: fc.integer({ min: 20, max: 300 }) });

/** Any graph: cycles, self-links, duplicate links, disconnected parts, lone nodes. */
const anyGraph: fc.Arbitrary<LayoutInput> = fc
  .array(size, { minLength: 1, maxLength: 30 })
  .chain((sizes) =>
    fc.record({
      nodes: fc.constant(sizes.map((s, i) => ({ id: idOf(i), ...s }))),
      edges: fc.array(
        fc.record({ from: fc.nat(sizes.length - 1).map(idOf), to: fc.nat(sizes.length - 1).map(idOf) }),
        { maxLength: 45 },
      ),
    }),
  );

/** A forest of claims: every reason answers exactly one node that came before it. */
const treeMap: fc.Arbitrary<LayoutInput> = fc
  .array(fc.tuple(size, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 40 })
  .map((entries) => ({
    nodes: entries.map(([s], i) => ({ id: idOf(i), ...s })),
    edges: entries.flatMap(([, pick, isRoot], i) =>
      i === 0 || isRoot ? [] : [{ from: idOf(i), to: idOf(Math.floor(pick * i)) }],
    ),
  }));

describe("tidyLayout", () => {
  it("lays out an empty map as nothing", () => {
    expect(tidyLayout({ nodes: [], edges: [] })).toEqual({});
  });

  it("places a lone node", () => {
    const positions = tidyLayout({ nodes: [{ id: "c", width: 260, height: 80 }], edges: [] });
    expect(Object.keys(positions)).toEqual(["c"]);
  });

  it("gives every node a finite position and never overlaps two nodes, whatever the graph", () => {
    fc.assert(
      fc.property(anyGraph, (input) => {
        const positions = tidyLayout(input);
        expect(Object.keys(positions).sort()).toEqual(input.nodes.map((node) => node.id).sort());
        for (const { x, y } of Object.values(positions)) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
        expect(overlappingPairs(input, positions)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("puts every reason below the claim it supports or rebuts, in a tree-shaped map", () => {
    fc.assert(
      fc.property(treeMap, (input) => {
        const positions = tidyLayout(input);
        const height = new Map(input.nodes.map((node) => [node.id, node.height]));
        for (const edge of input.edges) {
          const reason = positions[edge.from]!;
          const target = positions[edge.to]!;
          expect(reason.y).toBeGreaterThan(target.y + height.get(edge.to)!);
        }
        expect(overlappingPairs(input, positions)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic: the same map always gets the same layout", () => {
    fc.assert(
      fc.property(anyGraph, (input) => {
        const copy: LayoutInput = structuredClone(input);
        expect(tidyLayout(copy)).toEqual(tidyLayout(input));
      }),
      { numRuns: 50 },
    );
  });

  it("lays out cycles (a rebuttal of a rebuttal of the claim that answers it)", () => {
    const input: LayoutInput = {
      nodes: ["a", "b", "c"].map((id) => ({ id, width: 260, height: 80 })),
      edges: [
        { from: "b", to: "a" },
        { from: "c", to: "b" },
        { from: "a", to: "c" },
        { from: "a", to: "b" },
      ],
    };
    expect(overlappingPairs(input, tidyLayout(input))).toEqual([]);
  });

  it("places disconnected parts side by side without mixing them", () => {
    const node = (id: string) => ({ id, width: 260, height: 80 });
    const input: LayoutInput = {
      nodes: [node("claim1"), node("reason1"), node("claim2"), node("reason2"), node("lone")],
      edges: [
        { from: "reason1", to: "claim1" },
        { from: "reason2", to: "claim2" },
      ],
    };
    const positions = tidyLayout(input);
    const bounds = (ids: string[]) => {
      const parts = boxes(input, positions).filter((box) => ids.includes(box.id));
      const x = Math.min(...parts.map((box) => box.x));
      const y = Math.min(...parts.map((box) => box.y));
      return {
        id: ids.join(),
        x,
        y,
        width: Math.max(...parts.map((box) => box.x + box.width)) - x,
        height: Math.max(...parts.map((box) => box.y + box.height)) - y,
      };
    };
    const first = bounds(["claim1", "reason1"]);
    const second = bounds(["claim2", "reason2"]);
    const lone = bounds(["lone"]);
    expect(overlap(first, second) || overlap(first, lone) || overlap(second, lone)).toBe(false);
    expect(second.x).toBeGreaterThan(first.x);
  });

  it("ignores links to nodes that are not in the input, self-links and duplicates", () => {
    const input: LayoutInput = {
      nodes: [
        { id: "claim", width: 260, height: 80 },
        { id: "reason", width: 260, height: 80 },
      ],
      edges: [
        { from: "reason", to: "claim" },
        { from: "reason", to: "claim" },
        { from: "claim", to: "claim" },
        { from: "ghost", to: "claim" },
      ],
    };
    const positions = tidyLayout(input);
    expect(positions.reason!.y).toBeGreaterThan(positions.claim!.y + 80);
  });
});

describe("estimateNodeSize", () => {
  it("has a fixed width per kind (claims wider) and grows taller with longer text", () => {
    const short = estimateNodeSize({ kind: "support", text: "Alibaba should be allowed to sell cloud services." });
    const long = estimateNodeSize({ kind: "rebuttal", text: "word ".repeat(100) });
    expect(short.width).toBe(NODE_WIDTH);
    expect(long.width).toBe(NODE_WIDTH);
    expect(long.height).toBeGreaterThan(short.height);
    expect(estimateNodeSize({ kind: "claim", text: "Alibaba should be allowed to sell cloud services." }).width).toBe(CLAIM_WIDTH);
  });

  it("leaves room for the source and quote chips", () => {
    const bare = estimateNodeSize({ kind: "support", text: "A reason" });
    expect(estimateNodeSize({ kind: "support", text: "A reason", sourceId: "s1", quote: "" }).height).toBeGreaterThan(bare.height);
    expect(estimateNodeSize({ kind: "support", text: "A reason", sourceId: null, quote: "their words" }).height).toBeGreaterThan(bare.height);
  });

  it("counts explicit line breaks", () => {
    expect(estimateNodeSize({ kind: "support", text: "a\nb\nc" }).height).toBeGreaterThan(
      estimateNodeSize({ kind: "support", text: "abc" }).height,
    );
  });

  it("gives empty text one line", () => {
    expect(estimateNodeSize({ kind: "claim", text: "" })).toEqual(estimateNodeSize({ kind: "claim", text: "x" }));
  });
});

describe("tidyLayout: sides and the top", () => {
  const size = { width: 260, height: 120 };
  it("puts the supports of a claim to its left and the rebuttals to its right, whatever the input order", () => {
    const input: LayoutInput = {
      nodes: [{ id: "claim", ...size }, { id: "r1", ...size }, { id: "s1", ...size }, { id: "r2", ...size }, { id: "s2", ...size }],
      edges: [
        { from: "r1", to: "claim", relation: "rebuts" },
        { from: "s1", to: "claim", relation: "supports" },
        { from: "r2", to: "claim", relation: "rebuts" },
        { from: "s2", to: "claim", relation: "supports" },
      ],
    };
    const positions = tidyLayout(input);
    const supports = Math.max(positions.s1!.x, positions.s2!.x);
    const rebuttals = Math.min(positions.r1!.x, positions.r2!.x);
    expect(supports).toBeLessThan(rebuttals);
  });

  it("gathers a claim's direct reasons under it even when their own reasons spread wide", () => {
    const nodes = [{ id: "claim", ...size }, { id: "a", ...size }, { id: "b", ...size }];
    const edges: LayoutInput["edges"] = [
      { from: "a", to: "claim", relation: "supports" },
      { from: "b", to: "claim", relation: "supports" },
    ];
    for (let i = 0; i < 8; i++) {
      nodes.push({ id: `a${i}`, ...size });
      edges.push({ from: `a${i}`, to: "a", relation: "supports" });
    }
    const positions = tidyLayout({ nodes, edges });
    // Side by side, one gap apart, under the claim.
    expect(Math.abs(positions.b!.x - positions.a!.x)).toBe(300);
    const middle = (positions.a!.x + positions.b!.x + 260) / 2;
    expect(Math.abs(middle - (positions.claim!.x + 130))).toBeLessThan(1);
  });
});
