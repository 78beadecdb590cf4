import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boxesOverlap, segmentCrossesBox, type Box } from "./boxes";
import { mapGeometry, routeLink, routeLinks, type LinkRef } from "./linkRoute";
import { labelsOverNodes, linksThroughNodes } from "./measures";

const box = (x: number, y: number, width = 260, height = 120): Box => ({ x, y, width, height });
const link = (from: string, to: string, relation = "supports"): LinkRef => ({ id: `${from}>${to}`, from, to, relation });

describe("routeLink", () => {
  it("draws a reason right below its claim as one smooth curve, from the reason's top to the claim's bottom", () => {
    const geometry = mapGeometry(new Map([["claim", box(0, 0)], ["reason", box(0, 220)]]), [link("reason", "claim")]);
    const route = routeLink(geometry, link("reason", "claim"))!;
    expect(route.shape).toBe("curve");
    expect(route.polyline[0]).toEqual({ x: 130, y: 220 });
    expect(route.polyline.at(-1)).toEqual({ x: 130, y: 120 });
    expect(route.path.startsWith("M130 220C")).toBe(true);
  });

  it("goes around a node standing between a reason and its claim", () => {
    const boxes = new Map([["claim", box(0, 0)], ["blocker", box(0, 200)], ["reason", box(0, 420)]]);
    const geometry = mapGeometry(boxes, [link("reason", "claim")]);
    const route = routeLink(geometry, link("reason", "claim"))!;
    expect(route.shape).toBe("detour");
    expect(route.polyline[0]).toEqual({ x: 130, y: 420 });
    expect(route.polyline.at(-1)).toEqual({ x: 130, y: 120 });
    for (let i = 1; i < route.polyline.length; i++) expect(segmentCrossesBox(route.polyline[i - 1]!, route.polyline[i]!, boxes.get("blocker")!)).toBe(false);
    expect(route.path).toMatch(/Q/);
  });

  it("never runs through its own ends, even when the reason sits above its claim", () => {
    const boxes = new Map([["claim", box(0, 400)], ["reason", box(40, 0)]]);
    const geometry = mapGeometry(boxes, [link("reason", "claim")]);
    const route = routeLink(geometry, link("reason", "claim"))!;
    const inner = (b: Box) => ({ x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 });
    for (let i = 1; i < route.polyline.length; i++) {
      expect(segmentCrossesBox(route.polyline[i - 1]!, route.polyline[i]!, inner(boxes.get("claim")!))).toBe(false);
      expect(segmentCrossesBox(route.polyline[i - 1]!, route.polyline[i]!, inner(boxes.get("reason")!))).toBe(false);
    }
  });

  it("puts the label where it covers no node, and aims an undercut at the label's middle", () => {
    // A neighbour right beside the middle of the link: the label moves along the link.
    const boxes = new Map([["claim", box(0, 0)], ["reason", box(0, 300)], ["neighbour", box(150, 150, 260, 60)]]);
    const geometry = mapGeometry(boxes, [link("reason", "claim")]);
    const route = routeLink(geometry, link("reason", "claim"))!;
    for (const node of boxes.values()) expect(boxesOverlap(route.label, node)).toBe(false);
    expect(route.anchor).toEqual({ x: route.label.x + route.label.width / 2, y: route.label.y + route.label.height / 2 });
  });

  it("spreads several links into one claim along its bottom, in the order of their reasons", () => {
    const boxes = new Map([["claim", box(300, 0)], ["left", box(0, 260)], ["middle", box(300, 260)], ["right", box(600, 260)]]);
    const links = [link("right", "claim"), link("left", "claim"), link("middle", "claim", "rebuts")];
    const routes = routeLinks(mapGeometry(boxes, links), links);
    const ends = ["left", "middle", "right"].map((id) => routes.get(`${id}>claim`)!.polyline.at(-1)!.x);
    expect(ends[0]).toBeLessThan(ends[1]!);
    expect(ends[1]).toBeLessThan(ends[2]!);
    expect(ends[1]).toBe(430);
  });

  it("follows a node being dragged (its live place), leaving the other links alone", () => {
    const boxes = new Map([["claim", box(0, 0)], ["reason", box(0, 260)]]);
    const geometry = mapGeometry(boxes, [link("reason", "claim")]);
    const moved = routeLink(geometry, link("reason", "claim"), { from: box(400, 300) })!;
    expect(moved.polyline[0]).toEqual({ x: 530, y: 300 });
  });

  it("keeps every label off every node and every link out of other nodes on a grid of debates (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(3)), { minLength: 2, maxLength: 14 }), fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 20 }), (cells, pairs) => {
        // Nodes on a layered grid (as a tidy layout places them), links from a lower row up to a higher one.
        const placed = new Map<string, Box>();
        for (const [column, row] of cells) placed.set(`n${column}-${row}`, box(column * 300, row * 240, 260, 140));
        const ids = [...placed.keys()];
        const links: LinkRef[] = [];
        const seen = new Set<string>();
        for (const [a, b] of pairs) {
          const [from, to] = [ids[a % ids.length]!, ids[b % ids.length]!];
          if (placed.get(from)!.y <= placed.get(to)!.y || seen.has(`${from}>${to}`)) continue;
          seen.add(`${from}>${to}`);
          links.push(link(from, to, a % 2 ? "rebuts" : "supports"));
        }
        const geometry = mapGeometry(placed, links);
        const routes = routeLinks(geometry, links);
        expect(labelsOverNodes(geometry, routes)).toEqual([]);
        expect(linksThroughNodes(geometry, routes, links)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
