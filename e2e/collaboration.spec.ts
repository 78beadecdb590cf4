/**
 * Two people on the same map, each in their own browser: every change one makes reaches the
 * other, each sees who is here, what the other selects, points at, types in and drags, and edits
 * made offline arrive once the network is back.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  centreOf,
  contentOf,
  createMapViaApi,
  dragBetween,
  edgeLabels,
  expect,
  expectSaved,
  fetchMap,
  node,
  nodeById,
  nodesOn,
  postOps,
  renderedEdges,
  renderedNodes,
  test,
  waitForEditor,
} from "./support/editor";
import { editingBadge, joinedPeople, nodeText, peer } from "./support/people";

const remoteSelection = (page: Page, nodeId: string, name: string) => nodeById(page, nodeId).locator(`[data-testid="remote-selection"][data-name="${name}"]`);

/** axe finds nothing serious (contrast of names on colours included). */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((found) => found.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function nodeIds(page: Page): Promise<string[]> {
  return nodesOn(page).evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.id!));
}

/** Double-clicks an empty spot of the canvas, writes the new claim's text; returns its id. */
async function addClaimAt(page: Page, offset: { x: number; y: number }, text: string): Promise<string> {
  const known = await nodeIds(page);
  const box = (await page.getByTestId("map-canvas").boundingBox())!;
  await page.mouse.dblclick(box.x + offset.x, box.y + offset.y);
  await expect(nodesOn(page)).toHaveCount(known.length + 1);
  const id = (await nodeIds(page)).find((candidate) => !known.includes(candidate))!;
  await expect(nodeById(page, id).getByTestId("node-text-input")).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await expect(nodeText(page, id)).toHaveText(text);
  return id;
}

async function editText(page: Page, nodeId: string, text: string): Promise<void> {
  await nodeText(page, nodeId).dblclick();
  const input = nodeById(page, nodeId).getByTestId("node-text-input");
  await expect(input).toBeFocused();
  await input.fill(text);
  await input.press("Enter");
  await expect(nodeText(page, nodeId)).toHaveText(text);
}

async function moveBy(page: Page, nodeId: string, dx: number, dy: number): Promise<void> {
  const from = await centreOf(nodeById(page, nodeId).locator(".arg-node__header"));
  await dragBetween(page, from, { x: from.x + dx, y: from.y + dy });
}

async function link(page: Page, from: string, to: string): Promise<void> {
  await nodeById(page, from).hover();
  const handle = nodeById(page, from).locator(".arg-handle--out");
  await expect(handle).toBeVisible();
  // Onto the target's own handle: React Flow links to a handle within reach of the drop.
  await dragBetween(page, await centreOf(handle), await centreOf(nodeById(page, to).locator(".arg-handle--in")));
}

async function remove(page: Page, nodeId: string): Promise<void> {
  await nodeText(page, nodeId).click();
  await expect(nodeById(page, nodeId)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Delete");
  await expect(nodeById(page, nodeId)).toHaveCount(0);
}

/** Both screens and the server hold the same map. */
async function expectSameEverywhere(a: Page, b: Page, token: string, request: Parameters<typeof fetchMap>[0]): Promise<void> {
  await expectSaved(a);
  await expectSaved(b);
  const server = contentOf(await fetchMap(request, token));
  const expected = Object.fromEntries(Object.values(server.nodes).map((n) => [n.id, { kind: n.kind, text: n.text, x: n.x, y: n.y }]));
  const expectedEdges = Object.fromEntries(Object.values(server.edges).map((e) => [e.id, e.relation]));
  for (const page of [a, b]) {
    await expect.poll(() => renderedNodes(page)).toEqual(expected);
    await expect.poll(() => renderedEdges(page)).toEqual(expectedEdges);
  }
}

test.describe("collaboration", () => {
  const join = joinedPeople(test);

  test("a first visit asks for a name once; the others see it, and see it change", async ({ browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "Names");
    const grace = await join(browser, baseURL!, `/m/${token}`, null);
    const dialog = grace.page.getByTestId("name-dialog");
    await expect(dialog).toBeVisible();
    await expect(grace.page.getByTestId("name-input")).toHaveValue(/^Guest \d+$/);
    await expect(grace.page.getByTestId("name-input")).toBeFocused();
    await expectAccessible(grace.page);
    await grace.page.getByTestId("name-input").fill("Grace Hopper");
    await grace.page.getByTestId("name-save").click();
    await expect(dialog).toBeHidden();
    await expect(grace.page.getByTestId("presence-self")).toHaveAttribute("data-name", "Grace Hopper");

    const dan = await join(browser, baseURL!, `/m/${token}`, "Dan");
    await waitForEditor(dan.page);
    await expect(peer(dan.page, "Grace Hopper")).toBeVisible();
    await expect(peer(grace.page, "Dan")).toBeVisible();
    await expect(grace.page.getByTestId("presence-count")).toHaveText("1 other");

    // Asked once: a reload goes straight to the map.
    await grace.page.reload();
    await waitForEditor(grace.page);
    await expect(grace.page.getByTestId("presence-self")).toHaveAttribute("data-name", "Grace Hopper");
    await expect(dialog).toBeHidden();

    // Changed later from the strip; the others see the new name.
    await grace.page.getByTestId("presence-self").click();
    await expect(dialog).toBeVisible();
    await grace.page.getByTestId("name-input").fill("Admiral Hopper");
    await grace.page.getByTestId("name-save").click();
    await expect(peer(dan.page, "Admiral Hopper")).toBeVisible();
    await expect(peer(dan.page, "Grace Hopper")).toHaveCount(0);

    // Closing the question without an answer keeps the suggestion, and it is not asked again.
    const guest = await join(browser, baseURL!, `/m/${token}`, null);
    await expect(guest.page.getByTestId("name-dialog")).toBeVisible();
    await guest.page.keyboard.press("Escape");
    await expect(guest.page.getByTestId("name-dialog")).toBeHidden();
    await expect(guest.page.getByTestId("presence-self")).toHaveAttribute("data-name", /^Guest \d+$/);
    await guest.page.reload();
    await waitForEditor(guest.page);
    await expect(guest.page.getByTestId("name-dialog")).toBeHidden();
  });

  test("two people edit the same map: adds, text, moves, links and deletes reach the other both ways", async ({ browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "Together");
    const ada = await join(browser, baseURL!, `/m/${token}`, "Ada");
    const ben = await join(browser, baseURL!, `/m/${token}`, "Ben");
    await waitForEditor(ada.page, 0);
    await waitForEditor(ben.page, 0);
    const [a, b] = [ada.page, ben.page];

    // Add, both ways.
    const alpha = await addClaimAt(a, { x: 250, y: 200 }, "Alpha");
    await expect(nodeText(b, alpha)).toHaveText("Alpha");
    const beta = await addClaimAt(b, { x: 650, y: 450 }, "Beta");
    await expect(nodeText(a, beta)).toHaveText("Beta");

    // Edit text, both ways (each edits the node the other made).
    await editText(a, beta, "Beta, as Ada put it");
    await expect(nodeText(b, beta)).toHaveText("Beta, as Ada put it");
    await editText(b, alpha, "Alpha, as Ben put it");
    await expect(nodeText(a, alpha)).toHaveText("Alpha, as Ben put it");

    // Move, both ways.
    await moveBy(a, alpha, 60, -40);
    await expectSaved(a);
    const alphaOnA = (await renderedNodes(a))[alpha];
    await expect.poll(async () => (await renderedNodes(b))[alpha]).toEqual(alphaOnA);
    await moveBy(b, beta, -80, 30);
    await expectSaved(b);
    const betaOnB = (await renderedNodes(b))[beta];
    await expect.poll(async () => (await renderedNodes(a))[beta]).toEqual(betaOnB);

    // Link, both ways.
    await link(b, beta, alpha);
    await expect(edgeLabels(b)).toHaveCount(1);
    await expect(edgeLabels(a)).toHaveCount(1);
    const gamma = await addClaimAt(a, { x: 200, y: 600 }, "Gamma");
    await expect(nodeText(b, gamma)).toHaveText("Gamma");
    await link(a, gamma, beta);
    await expect(edgeLabels(a)).toHaveCount(2);
    await expect(edgeLabels(b)).toHaveCount(2);
    await expectSameEverywhere(a, b, token, request);

    // Delete, both ways: a node goes with its links.
    await remove(a, gamma);
    await expect(nodeById(b, gamma)).toHaveCount(0);
    await expect(edgeLabels(b)).toHaveCount(1);
    await remove(b, alpha);
    await expect(nodeById(a, alpha)).toHaveCount(0);
    await expect(edgeLabels(a)).toHaveCount(0);
    await expectSameEverywhere(a, b, token, request);
    expect(Object.keys(contentOf(await fetchMap(request, token)).nodes)).toEqual([beta]);
  });

  test("each sees who is here, what the other selects, points at, types in and drags", async ({ browser, baseURL, request }) => {
    const { token, links } = await createMapViaApi(request, "Presence");
    await postOps(request, token, [
      { type: "addNode", node: node("first", "claim", "First claim", 0, 0) },
      { type: "addNode", node: node("second", "support", "Second thought", 360, 40) },
    ]);
    const ada = await join(browser, baseURL!, `/m/${token}`, "Ada");
    const ben = await join(browser, baseURL!, `/m/${token}`, "Ben");
    const [a, b] = [ada.page, ben.page];
    await waitForEditor(a, 2);
    await waitForEditor(b, 2);

    await expect(peer(a, "Ben")).toBeVisible();
    await expect(peer(b, "Ada")).toBeVisible();
    await expect(b.getByTestId("presence-count")).toHaveText("1 other");

    // Selection: outlined in Ada's colour with her name; Ben's own selection is untouched.
    await nodeText(a, "first").click();
    await expect(remoteSelection(b, "first", "Ada")).toBeVisible();
    await expect(nodeById(b, "first")).toHaveAttribute("data-selected", "false");
    await expect(nodeById(b, "first")).toContainText("Ada");
    await nodeText(b, "second").click();
    await expect(remoteSelection(a, "second", "Ben")).toBeVisible();

    // Pointer: shown while over the canvas, gone when it leaves.
    const canvas = (await a.getByTestId("map-canvas").boundingBox())!;
    await a.mouse.move(canvas.x + 120, canvas.y + 120);
    await a.mouse.move(canvas.x + 160, canvas.y + 150, { steps: 4 });
    await expect(b.locator('[data-testid="remote-pointer"][data-name="Ada"]')).toBeVisible();
    await a.mouse.move(canvas.x + 40, 10, { steps: 4 }); // up to the header
    await expect(b.locator('[data-testid="remote-pointer"]')).toHaveCount(0);

    // Typing in place, then in the side panel: "Ada is editing" while she types.
    await nodeText(a, "first").dblclick();
    await expect(nodeById(a, "first").getByTestId("node-text-input")).toBeFocused();
    await expect(editingBadge(b, "first", "Ada")).toHaveText("Ada is editing");
    await expectAccessible(b); // the strip, a name label, an editing badge, a pointer
    await a.keyboard.press("Escape");
    await expect(editingBadge(b, "first", "Ada")).toHaveCount(0);
    await a.getByTestId("field-node-text").focus();
    await expect(editingBadge(b, "first", "Ada")).toBeVisible();
    await a.getByTestId("field-node-text").blur();
    await expect(editingBadge(b, "first", "Ada")).toHaveCount(0);

    // Dragging streams: Ben sees the node move while Ada's button is still down.
    const start = (await renderedNodes(b)).second!;
    const from = await centreOf(nodeById(a, "second").locator(".arg-node__header"));
    await a.mouse.move(from.x, from.y);
    await a.mouse.down();
    await a.mouse.move(from.x + 40, from.y + 40, { steps: 5 });
    await a.mouse.move(from.x + 160, from.y + 120, { steps: 15 });
    await expect.poll(async () => (await renderedNodes(b)).second!.x).toBeGreaterThan(start.x + 60);
    await a.mouse.up();
    await expectSameEverywhere(a, b, token, request);

    // A viewer is here too (in the strip, with a pointer and a selection), but edits nothing.
    const vic = await join(browser, baseURL!, links.view, "Vic");
    await waitForEditor(vic.page, 2);
    await expect(peer(a, "Vic")).toBeVisible();
    await expect(peer(vic.page, "Ada")).toBeVisible();
    await nodeText(vic.page, "first").click();
    await expect(remoteSelection(a, "first", "Vic")).toBeVisible();
    await nodeText(vic.page, "first").dblclick();
    await expect(vic.page.getByTestId("node-text-input")).toHaveCount(0);
    await expect(editingBadge(a, "first", "Vic")).toHaveCount(0);

    // Leaving: closing the page takes them off the others' strips.
    await vic.page.close();
    await expect(peer(a, "Vic")).toHaveCount(0);
  });

  test("edits made offline reach the other person once the network is back", async ({ browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "Offline");
    await postOps(request, token, [{ type: "addNode", node: node("kept", "claim", "Before the outage", 0, 0) }]);
    const ada = await join(browser, baseURL!, `/m/${token}`, "Ada");
    const ben = await join(browser, baseURL!, `/m/${token}`, "Ben");
    const [a, b] = [ada.page, ben.page];
    await waitForEditor(a, 1);
    await waitForEditor(b, 1);

    await ada.context.setOffline(true);
    await expect(a.getByTestId("connection-status")).toHaveAttribute("data-connection", "offline");
    await editText(a, "kept", "Written on the train");
    const added = await addClaimAt(a, { x: 300, y: 550 }, "Also offline");
    await expect(a.getByTestId("save-status")).toHaveAttribute("data-status", "offline");
    // Meanwhile Ben works on, online.
    const bens = await addClaimAt(b, { x: 700, y: 200 }, "Ben was online");
    await expectSaved(b);
    await expect(nodeText(b, "kept")).toHaveText("Before the outage");
    await expect(nodeById(b, added)).toHaveCount(0);

    await ada.context.setOffline(false);
    await expect(a.getByTestId("connection-status")).toHaveAttribute("data-connection", "connected");
    await expect(nodeText(b, "kept")).toHaveText("Written on the train");
    await expect(nodeText(b, added)).toHaveText("Also offline");
    await expect(nodeText(a, bens)).toHaveText("Ben was online");
    await expectSameEverywhere(a, b, token, request);
  });
});
