/**
 * What the ui bench does in a page, the same for Argumap's map page and the bare React Flow page:
 * open it in a fresh browser context (empty cache) until the probe sees the nodes in view shown, and
 * drag one node with the mouse while the probe records frames and, separately, React renders.
 * Page code is passed as strings: functions compiled by tsx may carry helpers the page lacks.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";

export const VIEWPORT = { width: 1400, height: 900 };
const STEP_MS = 16;
const RADIUS = 80;
/** Mouse steps of the timed drag (one circle), ~1.5 s at one step per STEP_MS. */
const TIMED_STEPS = 96;
const COUNTED_STEPS = 24;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** ms from navigation start until the probe saw every node in view shown. */
  visibleMs: number;
  /** ms from navigation start until the HTML had arrived. */
  responseEndMs: number;
  inView: number;
}

export interface Renders {
  commits: number;
  components: number;
  nodes: string[];
  edges: string[];
}

export interface Dragged {
  frames: number[];
  renders: Renders;
}

export async function openPage(browser: Browser, url: string, probe: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    // Polled from here: waitForFunction evaluates its string with eval, which our CSP forbids.
    const deadline = Date.now() + 60_000;
    while ((await page.evaluate("uiBench.visibleAt")) === null) {
      if (Date.now() > deadline) throw new Error(`ui: ${url} showed no map within 60 s`);
      await sleep(50);
    }
    const seen = (await page.evaluate(
      "({ visibleMs: uiBench.visibleAt, inView: uiBench.inView, responseEndMs: performance.getEntriesByType('navigation')[0].responseEnd })",
    )) as Omit<Opened, "context" | "page">;
    return { context, page, ...seen };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** The size of the flow's frame on this page, for the other page to match. */
export async function flowSize(page: Page): Promise<{ width: number; height: number }> {
  return (await page.evaluate("(({ width, height }) => ({ width: Math.round(width), height: Math.round(height) }))(document.querySelector('.react-flow').getBoundingClientRect())")) as { width: number; height: number };
}

/** Ids and screen centres of the nodes wholly inside the flow's frame. */
export async function nodesInView(page: Page): Promise<{ id: string; x: number; y: number }[]> {
  return (await page.evaluate(`(() => {
    const flow = document.querySelector('.react-flow').getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')].map((element) => [element.dataset.id, element.getBoundingClientRect()])
      .filter(([, box]) => box.left > flow.left + 100 && box.right < flow.right - 100 && box.top > flow.top + 100 && box.bottom < flow.bottom - 100)
      .map(([id, box]) => ({ id, x: box.left + box.width / 2, y: box.top + box.height / 2 }));
  })()`)) as { id: string; x: number; y: number }[];
}

/**
 * Moves the mouse along a circle of RADIUS around (cx, cy), one event every STEP_MS whether or not
 * the page has handled the last one, as a real mouse does: the browser coalesces what piles up
 * into one move per frame. (Awaiting each move would leave idle frames between them.)
 */
async function circle(page: Page, cx: number, cy: number, steps: number): Promise<void> {
  const start = performance.now();
  const moves: Promise<void>[] = [];
  for (let step = 1; step <= steps; step++) {
    const angle = (2 * Math.PI * step) / TIMED_STEPS;
    moves.push(page.mouse.move(cx + RADIUS * Math.cos(angle), cy + RADIUS * Math.sin(angle)));
    await sleep(start + step * STEP_MS - performance.now());
  }
  await Promise.all(moves);
}

/**
 * Presses on the node's centre and drags it out by RADIUS (React Flow starts the drag and selects
 * the node: a one-off, not timed), waits for the page to settle, then goes once round a circle
 * with frames recorded, then a quarter more with React commits counted, and drops it where it
 * started, so the map is the same for the next round.
 */
export async function dragNode(page: Page, nodeId: string): Promise<Dragged> {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`ui: node ${nodeId} is not on the page`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 5; step++) {
    await page.mouse.move(x + (RADIUS * step) / 5, y);
    await sleep(STEP_MS);
  }
  await page.evaluate("uiBench.waitQuiet()");
  await page.evaluate("uiBench.startFrames()");
  await circle(page, x, y, TIMED_STEPS);
  const frames = (await page.evaluate("uiBench.stopFrames()")) as number[];
  await page.evaluate("uiBench.startRenders()");
  await circle(page, x, y, COUNTED_STEPS);
  const renders = (await page.evaluate("uiBench.stopRenders()")) as Renders;
  await page.mouse.move(x, y, { steps: 5 });
  await page.mouse.up();
  return { frames, renders };
}
