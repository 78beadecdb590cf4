/**
 * A big map (600 nodes, imported): the canvas keeps only what is in view in the page, yet a user
 * walks it with the arrow keys to a node that was off screen, drags a node, adds one, and finds
 * every node in the outline.
 */
import type { Page } from "@playwright/test";
import { benchMap } from "../bench/ui/map";
import { centreOf, dragBetween, expect, expectSaved, fetchMap, nodeById, test, tokenOf } from "./support/editor";

const NODES = 600;

const renderedIds = (page: Page) =>
  page.locator(".react-flow__node").evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.id!));

const focusedId = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(".react-flow__node")?.dataset.id ?? null);

test("a 600-node map renders what is in view, and keys, drags, adding and the outline still work", async ({ page, request }) => {
  const map = benchMap(NODES);
  const imported = await request.post("/api/maps/import", { data: map });
  expect(imported.status(), await imported.text()).toBe(201);
  const token = tokenOf(((await imported.json()) as { links: { owner: string } }).links.owner);

  await page.goto(`/m/${token}`);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-connection", "connected");
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  const opened = await renderedIds(page);
  expect(opened.length).toBeGreaterThan(0);
  expect(opened.length).toBeLessThan(NODES / 4);
  const links = await page.locator(".react-flow__edge").count();
  expect(links).toBeGreaterThan(0);
  expect(links).toBeLessThan(map.edges.length / 4);

  // Arrow keys from a node in view: the walk reaches a node that was not rendered at first, which
  // comes into view with the focus and the selection.
  const canvas = (await page.locator(".react-flow").boundingBox())!;
  const start = opened.find((id) => id === map.nodes[0]!.id) ?? opened[0]!;
  await nodeById(page, start).click();
  await expect.poll(() => focusedId(page)).toBe(start);
  let current = start;
  for (let presses = 0; presses < 20 && opened.includes(current); presses++) {
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => focusedId(page)).not.toBe(current);
    current = (await focusedId(page))!;
  }
  expect(opened).not.toContain(current);
  const reached = nodeById(page, current);
  await expect(reached).toHaveAttribute("data-selected", "true");
  const box = (await reached.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(canvas.x);
  expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  expect(box.y).toBeGreaterThanOrEqual(canvas.y);
  expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height);
  // Dragging the node reached moves it, on the server too.
  const before = map.nodes.find((node) => node.id === current)!;
  const from = await centreOf(reached);
  await dragBetween(page, from, { x: from.x - 120, y: from.y + 60 });
  await expectSaved(page);
  const moved = (await fetchMap(page.request, token)).nodes.find((node) => node.id === current)!;
  expect(moved.x).toBeLessThan(before.x - 50);
  expect(moved.y).toBeGreaterThan(before.y + 20);

  // S adds a support to the selected node, open for typing.
  await nodeById(page, current).click();
  await page.keyboard.press("s");
  await expect(page.getByTestId("node-text-input")).toBeFocused();
  await page.keyboard.type("Big maps stay usable");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-text").getByText("Big maps stay usable", { exact: true })).toBeVisible();
  await expectSaved(page);
  const saved = await fetchMap(page.request, token);
  expect(saved.nodes).toHaveLength(NODES + 1);
  const added = saved.nodes.find((node) => node.text === "Big maps stay usable")!;
  expect(saved.edges.some((edge) => edge.from === added.id && edge.to === current && edge.relation === "supports")).toBe(true);
  expect((await renderedIds(page)).length).toBeLessThan(NODES / 4);

  // The outline lists every node (a reason under two others, twice), not just those in view.
  await page.goto(`/m/${token}?view=outline`);
  const lines = page.getByTestId("outline-item");
  await expect(lines.first()).toBeVisible();
  const listed = await lines.evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.id!));
  expect(new Set(listed)).toEqual(new Set(saved.nodes.map((node) => node.id)));
});
