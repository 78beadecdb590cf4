import { describe, expect, it } from "vitest";
import type { Box } from "./geometry/boxes";
import { directReasons, frameOn, mainClaims } from "./openingView";
import { docFromSnapshot, type ArgEdge, type ArgNode } from "./types";

const node = (id: string, kind: ArgNode["kind"]): ArgNode => ({ id, kind, text: id, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 });
const edge = (from: string, to: string): ArgEdge => ({ id: `${from}-${to}`, from, to, relation: "supports" });
const box = (x: number, y: number, width = 260, height = 150): Box => ({ x, y, width, height });
const options = { width: 1100, height: 750, readableZoom: 0.86, maxZoom: 1, padding: 24 };
const onScreen = (b: Box, view: { x: number; y: number; zoom: number }) => ({ left: b.x * view.zoom + view.x, top: b.y * view.zoom + view.y, right: (b.x + b.width) * view.zoom + view.x, bottom: (b.y + b.height) * view.zoom + view.y });

describe("mainClaims", () => {
  it("lists the claims that answer nothing, the one with the most beneath it first", () => {
    const doc = docFromSnapshot({
      map: { id: "m", title: "", description: "" },
      nodes: [node("small", "claim"), node("big", "claim"), node("a", "support"), node("b", "support"), node("c", "rebuttal"), node("loose", "support")],
      edges: [edge("a", "big"), edge("b", "a"), edge("c", "small")],
      sources: [],
    });
    expect(mainClaims(doc)).toEqual(["big", "small", "loose"]);
    expect(directReasons(doc, "big")).toEqual(["a"]);
  });
});

describe("frameOn", () => {
  it("shows a claim and its reasons whole when they fit at a readable zoom, never closer than 100 %", () => {
    const view = frameOn(box(200, 0, 320), [box(0, 230), box(300, 230), box(600, 230)], options);
    expect(view.zoom).toBe(1);
    for (const b of [box(200, 0, 320), box(0, 230), box(600, 230)]) {
      const seen = onScreen(b, view);
      expect(seen.left).toBeGreaterThanOrEqual(0);
      expect(seen.right).toBeLessThanOrEqual(options.width);
    }
  });

  it("keeps the readable zoom when the reasons are too wide, with the claim whole and as many reasons as fit", () => {
    const reasons = Array.from({ length: 9 }, (_, i) => box(i * 300, 230));
    const main = box(1180, 0, 320);
    const view = frameOn(main, reasons, options);
    expect(view.zoom).toBe(0.86);
    const claim = onScreen(main, view);
    expect(claim.left).toBeGreaterThanOrEqual(0);
    expect(claim.right).toBeLessThanOrEqual(options.width);
    expect(claim.top).toBeGreaterThanOrEqual(0);
    const whole = reasons.filter((b) => {
      const seen = onScreen(b, view);
      return seen.left >= -0.5 && seen.right <= options.width + 0.5;
    });
    expect(whole.length).toBe(4);
  });

  it("zooms out below readable only to keep a huge claim whole", () => {
    const view = frameOn(box(0, 0, 320, 2000), [], options);
    expect(view.zoom).toBeLessThan(0.86);
    const seen = onScreen(box(0, 0, 320, 2000), view);
    expect(seen.bottom).toBeLessThanOrEqual(options.height);
  });
});
