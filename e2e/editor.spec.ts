/**
 * Building a map in the editor: a user creates a map, adds a claim, a support and a rebuttal
 * three different ways, writes in place, links them by dragging and from the side panel, fills in
 * who said what, and finds the same map after a reload; moves, deletes, undoes and redoes.
 */
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
  tokenOf,
  waitForEditor,
} from "./support/editor";
import type { Page } from "@playwright/test";

/** The id of the node that just appeared (the one not in `known`). */
async function newNodeId(page: Page, known: string[]): Promise<string> {
  await expect(nodesOn(page)).toHaveCount(known.length + 1);
  const ids = await nodesOn(page).evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.id!));
  const added = ids.filter((id) => !known.includes(id));
  expect(added).toHaveLength(1);
  return added[0]!;
}

/** A new node opens for typing: write its text and press Enter, as a user does. */
async function writeNewNode(page: Page, id: string, text: string): Promise<void> {
  const input = nodeById(page, id).getByTestId("node-text-input");
  await expect(input).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await expect(input).toHaveCount(0);
  await expect(nodeById(page, id).getByTestId("node-text")).toHaveText(text);
}

test("a user builds a map from the home page and finds exactly the same map after a reload", async ({ page, request }) => {
  await page.goto("/");
  await page.getByTestId("new-map").click();
  await page.getByTestId("new-map-title").fill("Should homework be banned?");
  await page.getByTestId("new-map-create").click();
  await page.waitForURL(/\/m\/[^/]+$/);
  const token = tokenOf(page.url());
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "owner");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Should homework be banned?");
  await waitForEditor(page, 0);

  // 1. A rebuttal from the toolbar (nothing selected, so it stands alone).
  await page.getByTestId("toolbar-addRebuttalTo").click();
  const rebuttal = await newNodeId(page, []);
  await writeNewNode(page, rebuttal, "Practice at home is how skills stick");
  await expect(nodeById(page, rebuttal)).toHaveAttribute("data-kind", "rebuttal");

  // 2. A support from the keyboard, after clearing the selection so it is not linked yet.
  await page.keyboard.press("Escape");
  await expect(nodeById(page, rebuttal)).toHaveAttribute("data-selected", "false");
  await page.keyboard.press("s");
  const support = await newNodeId(page, [rebuttal]);
  await writeNewNode(page, support, "Children need time to rest and play");
  await expect(nodeById(page, support)).toHaveAttribute("data-kind", "support");

  // 3. A claim by double-clicking an empty spot of the canvas (well inside it, above the others).
  await page.keyboard.press("Escape");
  const canvasBox = (await page.getByTestId("map-canvas").boundingBox())!;
  await page.mouse.dblclick(canvasBox.x + canvasBox.width / 2, canvasBox.y + 150);
  const claim = await newNodeId(page, [rebuttal, support]);
  await writeNewNode(page, claim, "Homework should be banned");
  await expect(nodeById(page, claim)).toHaveAttribute("data-kind", "claim");
  await expect(edgeLabels(page)).toHaveCount(0);

  // Link the support to the claim by dragging from the support's handle onto the claim.
  await page.keyboard.press("Escape");
  await nodeById(page, support).hover();
  const handle = nodeById(page, support).locator(".arg-handle--out");
  await expect(handle).toBeVisible();
  await dragBetween(page, await centreOf(handle), await centreOf(nodeById(page, claim)));
  await expect(edgeLabels(page)).toHaveCount(1);
  await expect(edgeLabels(page)).toHaveAttribute("data-relation", "supports");
  await expect(edgeLabels(page)).toHaveText("supports");

  // Link the rebuttal to the claim from the side panel's form (no dragging needed).
  await nodeById(page, rebuttal).getByTestId("node-text").click();
  await expect(page.getByTestId("side-panel")).toHaveAttribute("data-mode", "node");
  await expect(page.getByTestId("field-link-relation")).toHaveValue("rebuts");
  await page.getByTestId("field-link-target").selectOption(claim);
  await page.getByTestId("link-add").click();
  await expect(page.getByTestId("link-row")).toHaveCount(1);
  await expect(page.getByTestId("link-row")).toHaveAttribute("data-relation", "rebuts");
  await expect(edgeLabels(page)).toHaveCount(2);
  await expect(page.locator('[data-testid="edge-label"][data-relation="rebuts"]')).toHaveText("rebuts");
  await expect(page.locator('[data-testid="edge-label"][data-relation="supports"]')).toHaveText("supports");

  // Who holds the claim, and their exact words, from the side panel.
  await nodeById(page, claim).getByTestId("node-text").click();
  await expect(page.getByTestId("side-panel")).toHaveAttribute("data-mode", "node");
  await expect(page.getByTestId("link-row")).toHaveCount(2);
  await page.getByTestId("field-node-speaker").fill("Ms Rivera");
  await page.getByTestId("field-node-speaker").press("Enter");
  await page.getByTestId("field-node-quote").fill("Homework steals childhood.");
  await page.getByTestId("field-node-quote").press("Control+Enter");
  await expect(nodeById(page, claim).locator(".arg-node__speaker")).toHaveText("Ms Rivera");
  await expect(nodeById(page, claim).getByTestId("node-quote")).toBeVisible();
  await expectSaved(page);

  // The server has exactly what the screen shows.
  const before = contentOf(await fetchMap(request, token));
  expect(Object.keys(before.nodes).sort()).toEqual([claim, rebuttal, support].sort());
  expect(before.nodes[claim]).toMatchObject({ kind: "claim", text: "Homework should be banned", speaker: "Ms Rivera", quote: "Homework steals childhood." });
  expect(before.nodes[support]).toMatchObject({ kind: "support", text: "Children need time to rest and play" });
  expect(before.nodes[rebuttal]).toMatchObject({ kind: "rebuttal", text: "Practice at home is how skills stick" });
  expect(Object.values(before.edges).map(({ from, to, relation }) => ({ from, to, relation })).sort((a, b) => a.relation.localeCompare(b.relation))).toEqual([
    { from: rebuttal, to: claim, relation: "rebuts" },
    { from: support, to: claim, relation: "supports" },
  ]);
  const shownBefore = await renderedNodes(page);
  const expectedOnScreen = Object.fromEntries(Object.values(before.nodes).map((n) => [n.id, { kind: n.kind, text: n.text, x: n.x, y: n.y }]));
  expect(shownBefore).toEqual(expectedOnScreen);
  const edgesBefore = await renderedEdges(page);
  expect(edgesBefore).toEqual(Object.fromEntries(Object.values(before.edges).map((e) => [e.id, e.relation])));

  await page.reload();
  await waitForEditor(page, 3);
  await expect(edgeLabels(page)).toHaveCount(2);
  expect(await renderedNodes(page)).toEqual(shownBefore);
  expect(await renderedEdges(page)).toEqual(edgesBefore);
  await expect(nodeById(page, claim).locator(".arg-node__speaker")).toHaveText("Ms Rivera");
  await nodeById(page, claim).getByTestId("node-text").click();
  await expect(page.getByTestId("field-node-speaker")).toHaveValue("Ms Rivera");
  await expect(page.getByTestId("field-node-quote")).toHaveValue("Homework steals childhood.");
  expect(contentOf(await fetchMap(request, token))).toEqual(before);
  await expectSaved(page);
});

test("a node dragged to a new place is saved there", async ({ page, request }) => {
  const { token } = await createMapViaApi(request, "Moving");
  await postOps(request, token, [
    { type: "addNode", node: node("claim-1", "claim", "School should start later", 0, 0) },
    { type: "addNode", node: node("support-1", "support", "Teenagers sleep late", 0, 200) },
    { type: "addEdge", edge: { id: "link-1", from: "support-1", to: "claim-1", relation: "supports" } },
  ]);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 2);

  const scale = await page.locator(".react-flow__viewport").evaluate((element) => new DOMMatrix(getComputedStyle(element).transform).a);
  const start = await centreOf(nodeById(page, "support-1").getByTestId("node-text"));
  await dragBetween(page, start, { x: start.x + 160, y: start.y + 60 });
  await expectSaved(page);

  const moved = (await fetchMap(request, token)).nodes.find((n) => n.id === "support-1")!;
  // The node moved by what the mouse moved, in map units (rounded to whole units on drop; React
  // Flow does not apply the first pixel of pointer movement, which starts the drag).
  expect(Math.abs(moved.x - 160 / scale)).toBeLessThanOrEqual(2);
  expect(Math.abs(moved.y - (200 + 60 / scale))).toBeLessThanOrEqual(2);
  const claimAfter = (await fetchMap(request, token)).nodes.find((n) => n.id === "claim-1")!;
  expect({ x: claimAfter.x, y: claimAfter.y }).toEqual({ x: 0, y: 0 });

  await page.reload();
  await waitForEditor(page, 2);
  const shown = await renderedNodes(page);
  expect({ x: shown["support-1"]!.x, y: shown["support-1"]!.y }).toEqual({ x: moved.x, y: moved.y });
  expect({ x: shown["claim-1"]!.x, y: shown["claim-1"]!.y }).toEqual({ x: 0, y: 0 });
});

test("deleting a node takes its links; undo and redo work from the keyboard and the toolbar", async ({ page, request }) => {
  const { token } = await createMapViaApi(request, "Undo and redo");
  await postOps(request, token, [
    { type: "addNode", node: { ...node("claim-1", "claim", "Cities should ban cars downtown", 0, 0), speaker: "Mayor Lee", quote: "Streets are for people." } },
    { type: "addNode", node: node("support-1", "support", "Cleaner air", -150, 220) },
    { type: "addNode", node: node("rebuttal-1", "rebuttal", "Shops lose customers", 150, 220) },
    { type: "addEdge", edge: { id: "link-s", from: "support-1", to: "claim-1", relation: "supports" } },
    { type: "addEdge", edge: { id: "link-r", from: "rebuttal-1", to: "claim-1", relation: "rebuts" } },
  ]);
  const original = contentOf(await fetchMap(request, token));
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 3);
  await expect(edgeLabels(page)).toHaveCount(2);
  await expect(page.getByTestId("toolbar-undo")).toBeDisabled();

  const claimGone = async () => {
    await expect(nodesOn(page)).toHaveCount(2);
    await expect(nodeById(page, "claim-1")).toHaveCount(0);
    await expect(edgeLabels(page)).toHaveCount(0);
  };
  const claimBack = async () => {
    await expect(nodesOn(page)).toHaveCount(3);
    await expect(nodeById(page, "claim-1").getByTestId("node-text")).toHaveText("Cities should ban cars downtown");
    await expect(nodeById(page, "claim-1").locator(".arg-node__speaker")).toHaveText("Mayor Lee");
    // Links are drawn a frame after their nodes: wait for them rather than look once.
    await expect.poll(() => renderedEdges(page)).toEqual({ "link-s": "supports", "link-r": "rebuts" });
  };

  await nodeById(page, "claim-1").getByTestId("node-text").click();
  await expect(nodeById(page, "claim-1")).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Delete");
  await claimGone();
  await expectSaved(page);
  expect(contentOf(await fetchMap(request, token))).toEqual({ nodes: { "support-1": original.nodes["support-1"], "rebuttal-1": original.nodes["rebuttal-1"] }, edges: {} });

  await page.keyboard.press("Control+z");
  await claimBack();
  await page.keyboard.press("Shift+Control+z");
  await claimGone();

  await page.getByTestId("toolbar-undo").click();
  await claimBack();
  await expectSaved(page);
  expect(contentOf(await fetchMap(request, token))).toEqual(original);

  await page.getByTestId("toolbar-redo").click();
  await claimGone();
  await expect(page.getByTestId("toolbar-redo")).toBeDisabled();
  await expectSaved(page);
  expect(contentOf(await fetchMap(request, token))).toEqual({ nodes: { "support-1": original.nodes["support-1"], "rebuttal-1": original.nodes["rebuttal-1"] }, edges: {} });

  // One more undo, then a reload: the server kept every step, nothing half-done.
  await page.getByTestId("toolbar-undo").click();
  await claimBack();
  await expectSaved(page);
  await page.reload();
  await waitForEditor(page, 3);
  await claimBack();
  expect(contentOf(await fetchMap(request, token))).toEqual(original);
  await expect(page.getByTestId("save-error")).toBeEmpty();
});
