/**
 * What the editor specs share: a browser that has been here before (so the first-visit name
 * question does not cover the canvas), and small readers of the map as the user and the server
 * see it.
 */
import { test as base, expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { ArgEdge, ArgNode, MapSnapshot, Role } from "../../lib/map/types";

export { expect };

export const E2E_USER_NAME = "E2E Tester";

/** Every page starts as a returning visitor with a saved name. */
export const test = base.extend({
  page: async ({ page }, use) => {
    await page.addInitScript((name) => {
      if (!window.localStorage.getItem("argumap:name")) window.localStorage.setItem("argumap:name", name);
    }, E2E_USER_NAME);
    await use(page);
  },
});

export type MapResponse = MapSnapshot & { role: Role };

/** The token in a map page's address or a share link. */
export function tokenOf(urlOrLink: string): string {
  const match = /\/m\/([^/?#]+)/.exec(urlOrLink);
  if (!match?.[1]) throw new Error(`not a map address: ${urlOrLink}`);
  return decodeURIComponent(match[1]);
}

export async function fetchMap(request: APIRequestContext, token: string, baseURL?: string): Promise<MapResponse> {
  const response = await request.get(`${baseURL ?? ""}/api/maps/${encodeURIComponent(token)}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as MapResponse;
}

export async function createMapViaApi(request: APIRequestContext, title: string, baseURL?: string): Promise<{ token: string; links: { owner: string; edit: string; view: string } }> {
  const response = await request.post(`${baseURL ?? ""}/api/maps`, { data: { title } });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { links: { owner: string; edit: string; view: string } };
  return { token: tokenOf(body.links.owner), links: body.links };
}

let opCounter = 0;

/** Writes ops straight to the server (test set-up, as another client would). */
export async function postOps(request: APIRequestContext, token: string, ops: object[], baseURL?: string): Promise<void> {
  const response = await request.post(`${baseURL ?? ""}/api/maps/${encodeURIComponent(token)}/ops`, {
    data: { clientId: "e2e-setup", ops: ops.map((op) => ({ clientOpId: `setup-${Date.now()}-${++opCounter}`, ...op })) },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { rejected: unknown[] };
  expect(body.rejected).toEqual([]);
}

export function node(id: string, kind: ArgNode["kind"], text: string, x: number, y: number): ArgNode {
  return { id, kind, text, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x, y };
}

/**
 * An argument of two premises rebutting a claim, laid out top-down: the opening view frames the
 * claim and the argument, so the premises below them are cut by the canvas's bottom edge.
 */
export const ARGUMENT_OF_TWO_PREMISES: readonly object[] = [
  { type: "addNode", node: node("c", "claim", "Alibaba Cloud is safe for US customers' data", 300, 0) },
  { type: "addNode", node: node("a", "argument", "Beijing can demand the data", 300, 280) },
  { type: "addNode", node: node("p1", "support", "Alibaba is bound by Chinese law", 100, 560) },
  { type: "addNode", node: node("p2", "support", "Chinese law obliges firms to hand data over on request", 500, 560) },
  { type: "addEdge", edge: { id: "ac", from: "a", to: "c", relation: "rebuts" } },
  { type: "addEdge", edge: { id: "m1", from: "p1", to: "a", relation: "premise" } },
  { type: "addEdge", edge: { id: "m2", from: "p2", to: "a", relation: "premise" } },
];

export const nodesOn = (page: Page): Locator => page.getByTestId("map-canvas").getByTestId("node");
export const nodeById = (page: Page, id: string): Locator => page.locator(`[data-testid="node"][data-id="${id}"]`);
export const edgeLabels = (page: Page): Locator => page.getByTestId("edge-label");

/** Waits until every change is on the server, as the header says. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
}

/** The canvas is live: the sync client took over and React Flow measured and showed the nodes. */
export async function waitForEditor(page: Page, nodeCount?: number): Promise<void> {
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-connection", "connected");
  if (nodeCount !== undefined) await expect(nodesOn(page)).toHaveCount(nodeCount);
  if (nodeCount) await expect(nodesOn(page).first()).toBeVisible();
}

/** Resolves after two frames have been painted: whatever a key or click set off has been drawn. */
export async function afterTwoFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Fits the whole map in view, as a user does before clicking a node the opening view shows only in
 * part, and waits until the zoom has come to rest. (Playwright would otherwise scroll the canvas's
 * box to reach the node, React Flow undoes that scroll a frame later, and a click in between lands
 * beside the node.)
 */
export async function fitWholeMap(page: Page): Promise<void> {
  await page.getByTestId("toolbar-fitView").click();
  const viewport = page.locator(".react-flow__viewport");
  const transform = () => viewport.evaluate((element) => (element as HTMLElement).style.transform);
  await expect
    .poll(async () => {
      const before = await transform();
      await afterTwoFrames(page);
      return before === (await transform());
    })
    .toBe(true);
}

/** Each node as the canvas shows it: kind, text and its position in map coordinates. */
export async function renderedNodes(page: Page): Promise<Record<string, { kind: string; text: string; x: number; y: number }>> {
  return page.locator(".react-flow__node").evaluateAll((elements) => {
    const result: Record<string, { kind: string; text: string; x: number; y: number }> = {};
    for (const element of elements) {
      const card = element.querySelector<HTMLElement>('[data-testid="node"]');
      if (!card) continue;
      // React Flow places a node with translate(x, y) in map coordinates (the viewport is transformed separately).
      const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec((element as HTMLElement).style.transform);
      result[card.dataset.id!] = {
        kind: card.dataset.kind!,
        text: card.querySelector('[data-testid="node-text"]')?.textContent ?? "",
        x: match ? Number(match[1]) : NaN,
        y: match ? Number(match[2]) : NaN,
      };
    }
    return result;
  });
}

/** Each link label on the canvas: its relation, by link id. */
export async function renderedEdges(page: Page): Promise<Record<string, string>> {
  return edgeLabels(page).evaluateAll((elements) =>
    Object.fromEntries(elements.map((element) => [(element as HTMLElement).dataset.id!, (element as HTMLElement).dataset.relation!])),
  );
}

/** The map as the server holds it, keyed by id, without timestamps: easy to compare. */
export function contentOf(snapshot: MapSnapshot): { nodes: Record<string, ArgNode>; edges: Record<string, ArgEdge> } {
  const pickNode = ({ id, kind, text, speaker, sourceId, quote, quotePrefix, quoteSuffix, baseScore, x, y }: ArgNode): ArgNode => ({
    id,
    kind,
    text,
    speaker,
    sourceId,
    quote,
    quotePrefix,
    quoteSuffix,
    baseScore,
    x,
    y,
  });
  const pickEdge = ({ id, from, to, relation }: ArgEdge): ArgEdge => ({ id, from, to, relation });
  return {
    nodes: Object.fromEntries(snapshot.nodes.map((n) => [n.id, pickNode(n)])),
    edges: Object.fromEntries(snapshot.edges.map((e) => [e.id, pickEdge(e)])),
  };
}

/**
 * Drags with the mouse as a hand does: a small first move (React Flow starts a drag once the
 * pointer has moved, and the distance of that first move is not applied), then the rest in steps.
 */
export async function dragBetween(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const direction = { x: Math.sign(to.x - from.x), y: Math.sign(to.y - from.y) };
  await page.mouse.move(from.x + direction.x, from.y + direction.y);
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.up();
}

export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box (not visible)");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
