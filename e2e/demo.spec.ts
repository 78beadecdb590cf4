/**
 * The demo debate: anyone can read all of it at /m/demo, nobody can change it, and "Make an
 * editable copy" gives a visitor their own map to work on.
 */
import { contentOf, edgeLabels, expect, expectSaved, fetchMap, fitWholeMap, nodesOn, test, tokenOf, waitForEditor } from "./support/editor";

const DEMO_NODES = 30;
const DEMO_LINKS = 33;
const EDIT_ONLY_TOOLS = ["addClaim", "addSupportTo", "addRebuttalTo", "deleteSelection", "undo", "redo", "tidyLayout"];

test("the demo shows the whole debate, read-only", async ({ page, request }) => {
  const demo = await fetchMap(request, "demo");
  expect(demo.role).toBe("view");
  expect(demo.nodes).toHaveLength(DEMO_NODES);
  expect(demo.edges).toHaveLength(DEMO_LINKS);

  await page.goto("/m/demo");
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "view");
  await waitForEditor(page, DEMO_NODES);
  await fitWholeMap(page);
  await expect(nodesOn(page)).toHaveCount(DEMO_NODES);
  await expect(edgeLabels(page)).toHaveCount(DEMO_LINKS);
  // Every node of the debate is on the canvas, and every node is inside the fitted view.
  const shownIds = await nodesOn(page).evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.id));
  expect(shownIds.sort()).toEqual(demo.nodes.map((n) => n.id).sort());
  const canvas = (await page.getByTestId("map-canvas").boundingBox())!;
  for (const box of await nodesOn(page).evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.left).toBeGreaterThanOrEqual(canvas.x - 1);
    expect(box.right).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    expect(box.top).toBeGreaterThanOrEqual(canvas.y - 1);
    expect(box.bottom).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
  }
  const relations = await edgeLabels(page).evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.relation).sort());
  expect(relations).toEqual(demo.edges.map((e) => e.relation).sort());

  // Nothing to change it with: no add, delete, undo or layout tools; links cannot be drawn.
  await expect(page.getByTestId("toolbar")).toBeVisible();
  for (const tool of EDIT_ONLY_TOOLS) await expect(page.getByTestId(`toolbar-${tool}`)).toHaveCount(0);
  await expect(page.getByTestId("toolbar-fitView")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveCount(0);
  await expect(page.getByTestId("make-copy")).toBeVisible();
  await expect(page.locator(".arg-handle:not(.is-hidden)")).toHaveCount(0);

  // A reader can still select a node and read its details, but not edit them.
  const first = nodesOn(page).first();
  const firstId = (await first.getAttribute("data-id"))!;
  const firstNode = demo.nodes.find((n) => n.id === firstId)!;
  await first.getByTestId("node-text").dblclick();
  await expect(first).toHaveAttribute("data-selected", "true");
  await expect(page.getByTestId("node-text-input")).toHaveCount(0);
  await expect(page.getByTestId("side-panel")).toHaveAttribute("data-mode", "node");
  await expect(page.getByTestId("panel-node-text")).toHaveText(firstNode.text);
  await expect(page.getByTestId("field-node-text")).toHaveCount(0);
  await expect(page.getByTestId("field-node-speaker")).toHaveCount(0);
  await expect(page.getByTestId("link-add")).toHaveCount(0);
  await expect(page.getByTestId("panel-delete")).toHaveCount(0);

  // The editing keys do nothing here, nor does double-clicking the canvas.
  for (const key of ["Enter", "Delete", "c", "s", "r", "Control+z"]) await page.keyboard.press(key);
  const canvasBox = (await page.getByTestId("map-canvas").boundingBox())!;
  await page.mouse.dblclick(canvasBox.x + 12, canvasBox.y + 12);
  await expect(page.getByTestId("node-text-input")).toHaveCount(0);
  await expect(nodesOn(page)).toHaveCount(DEMO_NODES);
  await expect(edgeLabels(page)).toHaveCount(DEMO_LINKS);
  await expect(page.getByTestId("notice")).toHaveCount(0);

  // The server's copy is untouched.
  const after = await fetchMap(request, "demo");
  expect(after.revision).toBe(demo.revision);
  expect(contentOf(after)).toEqual(contentOf(demo));
});

test("“Make an editable copy” gives the visitor their own editable map of the demo", async ({ page, request }, testInfo) => {
  const demo = await fetchMap(request, "demo");
  await page.goto("/m/demo");
  await waitForEditor(page, DEMO_NODES);
  await page.getByTestId("make-copy").click();
  await page.waitForURL((url) => /^\/m\/[^/]+$/.test(url.pathname) && url.pathname !== "/m/demo");
  const token = tokenOf(page.url());

  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "owner");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(demo.map.title);
  await waitForEditor(page, DEMO_NODES);
  await expect(edgeLabels(page)).toHaveCount(DEMO_LINKS);
  await expect(page.getByTestId("make-copy")).toHaveCount(0);
  await expect(page.getByTestId("toolbar-addClaim")).toBeEnabled();
  const copy = await fetchMap(request, token);
  expect(copy.role).toBe("owner");
  const texts = (snapshot: typeof demo) => snapshot.nodes.map((n) => `${n.kind}: ${n.text}`).sort();
  expect(texts(copy)).toEqual(texts(demo));

  // A new claim, written in place and saved to the copy only.
  await page.keyboard.press("Escape");
  await page.getByTestId("toolbar-addClaim").click();
  await expect(nodesOn(page)).toHaveCount(DEMO_NODES + 1);
  const input = page.getByTestId("node-text-input");
  await expect(input).toBeFocused();
  await page.keyboard.type("The copy is mine to change");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-text").filter({ hasText: "The copy is mine to change" })).toHaveCount(1);
  await expectSaved(page);
  const copyAfter = await fetchMap(request, token);
  expect(copyAfter.nodes).toHaveLength(DEMO_NODES + 1);
  expect(copyAfter.nodes.filter((n) => n.kind === "claim" && n.text === "The copy is mine to change")).toHaveLength(1);
  expect((await fetchMap(request, "demo")).nodes).toHaveLength(DEMO_NODES);

  await testInfo.attach("editor with the demo copy, the new claim selected", { body: await page.screenshot(), contentType: "image/png" });
  await fitWholeMap(page);
  await testInfo.attach("editor with the demo copy, whole map", { body: await page.screenshot(), contentType: "image/png" });
});
