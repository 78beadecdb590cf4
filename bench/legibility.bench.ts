/**
 * Legibility (design.md: "the demo opens at 1440×900 with node text ≥ 12 px on screen (≥ 14 px on
 * a 390×844 phone), the main claim fully in view, and 0 link labels overlapping a node"), measured
 * in Chromium on the production build with the e2e checks' own probe (e2e/support/legibility.ts):
 *
 * - `/m/demo` at 1440×900 and 390×844 as it opens, beside the same page after "Fit view" (the
 *   whole map in view: what opening used to be like), in the same run;
 * - the seeded 2,000-node bench map after Tidy layout: as it opens in Chromium (the nodes in
 *   view), and over the whole map with the canvas's own link geometry (lib/map/geometry) at
 *   estimated node sizes, beside plain curves with the label at their middle (React Flow's
 *   default, what the canvas drew before), in the same run.
 *
 *   npx tsx bench/run.ts legibility      needs a production build (`npm run build`)
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "@playwright/test";
import { mainClaims } from "../lib/map/openingView";
import { mapGeometry, routeLinks, linkLabelSize, type LinkRoute } from "../lib/map/geometry/linkRoute";
import { labelsOverNodes, linksThroughNodes } from "../lib/map/geometry/measures";
import { estimateNodeSize } from "../lib/map/layout";
import { docFromSnapshot, type MapDoc } from "../lib/map/types";
import { measureLegibility, type Legibility } from "../e2e/support/legibility";
import { benchMap } from "./ui/map";
import { startArgumap, type Served } from "./ui/servers";
import type { BenchResult, BenchRow } from "./types";

const SCREENS = [
  { name: "1440×900", width: 1440, height: 900, smallest: 12 },
  { name: "390×844", width: 390, height: 844, smallest: 14 },
];

function row(metric: string, value: number, baseline: number, unit: string, budget?: string, pass?: boolean): BenchRow {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { metric, value: round(value), baseline: round(baseline), ratio: baseline ? round(value / baseline) : 0, unit, budget, pass };
}

async function open(browser: Browser, url: string, size: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  await page.addInitScript('localStorage.setItem("argumap:name", "Bench"); globalThis.__name = (f) => f;');
  await page.goto(url);
  await page.locator(".react-flow__node").first().waitFor();
  await settle(page);
  return page;
}

/** Until the viewport's transform holds still for half a second. */
async function settle(page: Page): Promise<void> {
  let before = "";
  for (let tries = 0; tries < 40; tries++) {
    const now = await page.locator(".react-flow__viewport").evaluate((element) => (element as HTMLElement).style.transform);
    if (now === before) return;
    before = now;
    await page.waitForTimeout(500);
  }
}

async function fitView(page: Page): Promise<void> {
  await page.getByTestId("toolbar-fitView").click();
  await settle(page);
}

function screenRows(name: string, smallest: number, opened: Legibility, fitted: Legibility, counts: string): BenchRow[] {
  return [
    row(`${name}: smallest body text on screen, opening vs Fit view, ${counts}`, opened.smallestBodyText, fitted.smallestBodyText, "px", `≥ ${smallest} px`, opened.smallestBodyText >= smallest),
    row(`  smallest text of any kind in a node (kind, speaker, chips)`, opened.smallestNodeText, fitted.smallestNodeText, "px"),
    row(`  zoom (${opened.nodesInView} / ${fitted.nodesInView} nodes in view)`, opened.zoom, fitted.zoom, "×"),
    row(`  share of the main claim in view`, opened.mainClaimInView * 100, fitted.mainClaimInView * 100, "%", "100 %", opened.mainClaimInView === 1),
    row(`  link labels on a node (of ${opened.labels} drawn)`, opened.labelsOverNodes, fitted.labelsOverNodes, "labels", "0", opened.labelsOverNodes === 0),
    row(`  links through a node not their own (of ${opened.links} drawn)`, opened.linksThroughNodes, fitted.linksThroughNodes, "links", "report (aim 0)"),
  ];
}

/** The old drawing: React Flow's bezier from the reason's top to the target's bottom, its label at t = ½. */
function plainCurves(doc: MapDoc, boxes: Map<string, { x: number; y: number; width: number; height: number }>): Map<string, LinkRoute> {
  const routes = new Map<string, LinkRoute>();
  for (const edge of Object.values(doc.edges)) {
    const [from, to] = [boxes.get(edge.from)!, boxes.get(edge.to)!];
    const [sx, sy, tx, ty] = [from.x + from.width / 2, from.y - 6, to.x + to.width / 2, to.y + to.height + 6];
    const distance = sy - ty;
    const offset = distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
    const [c1y, c2y] = [sy - offset, ty + offset];
    const polyline = Array.from({ length: 25 }, (_, i) => {
      const t = i / 24;
      const u = 1 - t;
      return { x: u * u * u * sx + 3 * u * u * t * sx + 3 * u * t * t * tx + t * t * t * tx, y: u * u * u * sy + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ty };
    });
    const middle = polyline[12]!;
    const size = linkLabelSize(edge.relation);
    const label = { x: middle.x - size.width / 2, y: middle.y - size.height / 2, ...size };
    routes.set(edge.id, { shape: "curve", path: "", polyline, label, anchor: middle });
  }
  return routes;
}

export async function runLegibilityBench(): Promise<BenchResult> {
  const running: (Served | Browser)[] = [];
  try {
    const argumap = await startArgumap();
    running.push(argumap);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    running.push(browser);
    const rows: BenchRow[] = [];

    const demo = await (await fetch(`${argumap.origin}/api/maps/demo`)).json();
    const demoDoc = docFromSnapshot(demo);
    const demoMain = mainClaims(demoDoc)[0]!;
    const demoCounts = `demo, ${Object.keys(demoDoc.nodes).length} nodes / ${Object.keys(demoDoc.edges).length} links`;
    for (const screen of SCREENS) {
      const page = await open(browser, `${argumap.origin}/m/demo`, screen);
      const opened = await measureLegibility(page, demoMain);
      await fitView(page);
      const fitted = await measureLegibility(page, demoMain);
      rows.push(...screenRows(screen.name, screen.smallest, opened, fitted, demoCounts));
      await page.context().close();
    }

    // The 2,000-node map, laid out by Tidy layout (bench/ui/map.ts), as the canvas opens it.
    const big = benchMap(2000);
    const imported = await fetch(`${argumap.origin}/api/maps/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(big) });
    const owner = ((await imported.json()) as { links: { owner: string } }).links.owner;
    const bigDoc = docFromSnapshot({ map: { id: "bench", title: "", description: "" }, nodes: big.nodes, edges: big.edges, sources: [] });
    const bigMain = mainClaims(bigDoc)[0]!;
    const bigCounts = `${big.nodes.length} nodes / ${big.edges.length} links after Tidy layout`;
    const page = await open(browser, owner, SCREENS[0]!);
    const opened = await measureLegibility(page, bigMain);
    await fitView(page);
    const fitted = await measureLegibility(page, bigMain);
    rows.push(...screenRows(`1440×900, in view only`, 12, opened, fitted, bigCounts));
    await page.context().close();

    // The whole big map, with the canvas's geometry, at the sizes the layout used.
    const boxes = new Map(big.nodes.map((node) => [node.id, { x: node.x, y: node.y, ...estimateNodeSize(node) }]));
    const started = performance.now();
    const geometry = mapGeometry(boxes, big.edges);
    const routes = routeLinks(geometry, big.edges);
    const routingMs = performance.now() - started;
    const before = plainCurves(bigDoc, boxes);
    const through = linksThroughNodes(geometry, routes, big.edges).length;
    const covered = labelsOverNodes(geometry, routes).length;
    rows.push(
      row(`whole map (link geometry, estimated sizes), ${bigCounts}: labels on a node, routed vs plain curves`, covered, labelsOverNodes(geometry, before).length, "labels", "0", covered === 0),
      row(`  links through a node not their own, routed vs plain curves`, through, linksThroughNodes(geometry, before, big.edges).length, "links", "report (aim 0)"),
      row(`  links that needed a detour`, [...routes.values()].filter((route) => route.shape === "detour").length, 0, "links"),
      row(`  routing every link once`, routingMs, 0, "ms"),
    );
    return { name: "legibility", nodes: big.nodes.length, edges: big.edges.length, rows };
  } finally {
    for (const thing of running.reverse()) await (("close" in thing ? thing.close() : thing.stop()) as Promise<void>).catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runLegibilityBench().then(
    (result) => console.table(result.rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
