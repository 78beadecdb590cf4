/**
 * The canvas in a real browser: opening a 2,000-node map, and dragging one of its nodes, in
 * Argumap's production build vs bare React Flow given the same nodes and edges, in the same
 * headless Chromium (no GPU: slower than a desktop browser, both sides alike), taking turns.
 * Budgets (design.md): open ≤ 1.5× bare React Flow; drag frame p95 ≤ 20 ms; a drag re-renders
 * only the moved node and its links. See bench/README.md ("What the ui numbers mean").
 *
 *   npx tsx bench/run.ts ui          (or `npx tsx bench/ui.bench.ts`) needs a production build,
 *                                    `.next/` or NEXT_DIST_DIR's; it never builds one itself
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "@playwright/test";
import { benchMap } from "./ui/map";
import { bundleBareFlow, bundleProbe } from "./ui/bundle";
import { dragNode, flowSize, nodesInView, openPage, type Dragged } from "./ui/measure";
import { requireBuild, serveBareFlow, startArgumap, type Served } from "./ui/servers";
import { typeInNode } from "./ui/typing";
import type { BenchResult, BenchRow } from "./types";

const NODES = 2000;
const ROUNDS = 5;
const OPEN_RATIO_BUDGET = 1.5;
const FRAME_P95_BUDGET_MS = 20;
const HEADLESS = "headless Chromium, no GPU";

type Side = "ours" | "bare";

interface Samples {
  visible: number[];
  afterHtml: number[];
  frames: number[];
  drags: Dragged[];
}

/** Typing into the dragged node on our page, with "which claims stand" off (baseline) and on. */
interface Typing {
  off: number[];
  on: number[];
  renderedOn: Set<string>;
  commitsOn: number;
  dragRenderedOn: Set<string>;
  dragCommitsOn: number;
  dragFramesOn: number[];
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function row(metric: string, value: number, baseline: number, unit: string, budget?: string, pass?: boolean): BenchRow {
  const round = (n: number) => Math.round(n * 10) / 10;
  const ratio = baseline > 0 ? Math.round((value / baseline) * 100) / 100 : 0;
  return { metric, value: round(value), baseline: round(baseline), ratio, unit, budget, pass };
}

async function importMap(origin: string, body: string): Promise<string> {
  const response = await fetch(`${origin}/api/maps/import`, { method: "POST", headers: { "content-type": "application/json" }, body });
  if (response.status !== 201) throw new Error(`ui: importing the map failed (${response.status}): ${(await response.text()).slice(0, 500)}`);
  return ((await response.json()) as { links: { owner: string } }).links.owner;
}

/** A node in view on both pages, near the middle of ours, with at least two links. */
function chooseNode(ours: { id: string; x: number; y: number }[], bare: { id: string }[], degree: Map<string, number>, centre: { x: number; y: number }): string {
  const inBoth = new Set(bare.map((node) => node.id));
  const candidates = ours.filter((node) => inBoth.has(node.id) && (degree.get(node.id) ?? 0) >= 2);
  const distance = (node: { x: number; y: number }) => Math.hypot(node.x - centre.x, node.y - centre.y);
  const chosen = candidates.sort((a, b) => distance(a) - distance(b))[0];
  if (!chosen) throw new Error("ui: no node with two links is in view on both pages");
  return chosen.id;
}

export async function runUiBench(): Promise<BenchResult> {
  requireBuild();
  const map = benchMap(NODES);
  const mapJson = JSON.stringify(map);
  const degree = new Map<string, number>();
  for (const edge of map.edges) for (const end of [edge.from, edge.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const [bundle, probe] = await Promise.all([bundleBareFlow(), bundleProbe(map.nodes)]);
  const running: (Served | Browser)[] = [];
  try {
    const argumap = await startArgumap();
    running.push(argumap);
    const bare = await serveBareFlow(bundle, mapJson);
    running.push(bare);
    const ourUrl = await importMap(argumap.origin, mapJson);
    // A name already chosen, as for anyone who has opened a map before: no "what should others call you?".
    const ourProbe = `localStorage.setItem("argumap:name", "Bench");\n${probe}`;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    running.push(browser);

    // One open of each, not counted: warms the server and the disk cache; gives sizes and the node to drag.
    const first = await openPage(browser, ourUrl, ourProbe);
    const size = await flowSize(first.page);
    const bareUrl = `${bare.origin}/?width=${size.width}&height=${size.height}`;
    const firstBare = await openPage(browser, bareUrl, probe);
    const flowBox = (await first.page.locator(".react-flow").boundingBox())!;
    const nodeId = chooseNode(await nodesInView(first.page), await nodesInView(firstBare.page), degree, { x: flowBox.x + flowBox.width / 2, y: flowBox.y + flowBox.height / 2 });
    await first.context.close();
    await firstBare.context.close();

    const samples: Record<Side, Samples> = {
      ours: { visible: [], afterHtml: [], frames: [], drags: [] },
      bare: { visible: [], afterHtml: [], frames: [], drags: [] },
    };
    let inView = { ours: 0, bare: 0 };
    const typing: Typing = { off: [], on: [], renderedOn: new Set(), commitsOn: 0, dragRenderedOn: new Set(), dragCommitsOn: 0, dragFramesOn: [] };
    // The same page with the overlay already switched on, as a reader who left it on finds it.
    const standProbe = `localStorage.setItem("argumap.standOverlay.v1", "on");\n${ourProbe}`;
    for (let round = 0; round < ROUNDS; round++) {
      // Taking turns, first one side then the other, so that load from elsewhere hits both alike.
      const order: Side[] = round % 2 === 0 ? ["ours", "bare"] : ["bare", "ours"];
      for (const side of order) {
        const opened = await openPage(browser, side === "ours" ? ourUrl : bareUrl, side === "ours" ? ourProbe : probe);
        try {
          await opened.page.evaluate("uiBench.waitQuiet()");
          const dragged = await dragNode(opened.page, nodeId);
          const into = samples[side];
          into.visible.push(opened.visibleMs);
          into.afterHtml.push(opened.visibleMs - opened.responseEndMs);
          into.frames.push(...dragged.frames);
          into.drags.push(dragged);
          inView = { ...inView, [side]: opened.inView };
          if (side === "ours") typing.off.push(...(await typeInNode(opened.page, nodeId)).frames);
        } finally {
          await opened.context.close();
        }
      }
      const stand = await openPage(browser, ourUrl, standProbe);
      try {
        // In the same order as on the page with the overlay off: drag, then type.
        await stand.page.evaluate("uiBench.waitQuiet()");
        const dragged = await dragNode(stand.page, nodeId);
        dragged.renders.nodes.forEach((id) => typing.dragRenderedOn.add(id));
        typing.dragCommitsOn += dragged.renders.commits;
        typing.dragFramesOn.push(...dragged.frames);
        const typed = await typeInNode(stand.page, nodeId);
        typing.on.push(...typed.frames);
        typed.renders.nodes.forEach((id) => typing.renderedOn.add(id));
        typing.commitsOn += typed.renders.commits;
      } finally {
        await stand.context.close();
      }
    }

    const links = new Set(map.edges.filter((edge) => edge.from === nodeId || edge.to === nodeId).map((edge) => edge.id));
    const rendered = (side: Side) => {
      const drags = samples[side].drags;
      const nodes = new Set(drags.flatMap((drag) => drag.renders.nodes));
      const edges = new Set(drags.flatMap((drag) => drag.renders.edges));
      const commits = drags.reduce((sum, drag) => sum + drag.renders.commits, 0);
      const components = drags.reduce((sum, drag) => sum + drag.renders.components, 0);
      return { nodes, edges, commits, componentsPerCommit: commits ? components / commits : 0 };
    };
    const ours = rendered("ours");
    const bareRenders = rendered("bare");
    const at = (side: Side, key: "visible" | "afterHtml" | "frames", fraction = 0.5) => percentile(samples[side][key], fraction);
    const counts = `${map.nodes.length} nodes / ${map.edges.length} links`;
    const openRatio = at("ours", "visible") / at("bare", "visible");
    const frameP95 = at("ours", "frames", 0.95);
    const rows: BenchRow[] = [
      row(`open until the nodes in view are shown, p50 (${HEADLESS}), ${counts}, ${inView.ours}/${inView.bare} in view`, at("ours", "visible"), at("bare", "visible"), "ms", `≤ ${OPEN_RATIO_BUDGET}× bare React Flow`, openRatio <= OPEN_RATIO_BUDGET),
      row("  of which after the HTML arrived, p50", at("ours", "afterHtml"), at("bare", "afterHtml"), "ms"),
      row(`drag a node, frame p95 (${HEADLESS}), ${counts}`, frameP95, at("bare", "frames", 0.95), "ms", `≤ ${FRAME_P95_BUDGET_MS} ms`, frameP95 <= FRAME_P95_BUDGET_MS),
      row(`  frame p50 (${samples.ours.frames.length} / ${samples.bare.frames.length} frames)`, at("ours", "frames"), at("bare", "frames"), "ms"),
      row("  frame mean", mean(samples.ours.frames), mean(samples.bare.frames), "ms"),
      row(`drag: nodes re-rendered (${ours.commits} / ${bareRenders.commits} commits)`, ours.nodes.size, bareRenders.nodes.size, "nodes", "only the moved node", ours.commits > 0 && [...ours.nodes].every((id) => id === nodeId)),
      row(`drag: links re-rendered (the moved node has ${links.size})`, ours.edges.size, bareRenders.edges.size, "links", `only the moved node's ${links.size}`, ours.commits > 0 && [...ours.edges].every((id) => links.has(id))),
      row("  components rendered per drag commit", ours.componentsPerCommit, bareRenders.componentsPerCommit, "comp."),
      row(
        `typing in a node, "which claims stand" on, frame p95 (${HEADLESS}), ${counts}; baseline: overlay off`,
        percentile(typing.on, 0.95),
        percentile(typing.off, 0.95),
        "ms",
        `≤ ${FRAME_P95_BUDGET_MS} ms`,
        percentile(typing.on, 0.95) <= FRAME_P95_BUDGET_MS,
      ),
      row(`  typing, overlay on: nodes re-rendered (${typing.commitsOn} commits)`, typing.renderedOn.size, 1, "nodes", "only the edited node", typing.commitsOn > 0 && [...typing.renderedOn].every((id) => id === nodeId)),
      row("  drag, overlay on, frame p95; baseline: overlay off", percentile(typing.dragFramesOn, 0.95), frameP95, "ms"),
      row(`  drag, overlay on: nodes re-rendered (${typing.dragCommitsOn} commits)`, typing.dragRenderedOn.size, 1, "nodes", "only the moved node", typing.dragCommitsOn > 0 && [...typing.dragRenderedOn].every((id) => id === nodeId)),
    ];
    return { name: "ui", nodes: map.nodes.length, edges: map.edges.length, rows };
  } finally {
    for (const thing of running.reverse()) await (("close" in thing ? thing.close() : thing.stop()) as Promise<void>).catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runUiBench().then(
    (result) => console.table(result.rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
