/**
 * Reasons with several premises and undercuts (docs/structure.md), built the way users build
 * them: with the mouse (select two reasons, Combine; drag a node onto a link), and with the
 * keyboard only (the side panel's "works only together with" and "Undercut this link"). Then the
 * outline shows them nested and a presentation steps through them.
 */
import type { Page } from "@playwright/test";
import { centreOf, createMapViaApi, dragBetween, edgeLabels, expect, expectSaved, fetchMap, node, nodeById, nodesOn, postOps, test, waitForEditor } from "./support/editor";

/** A claim with two separate supports, a rebuttal, and a loose objection. */
async function seeded(page: Page) {
  const { token, links } = await createMapViaApi(page.request, "Should Alibaba Cloud be allowed in the US?");
  await postOps(page.request, token, [
    { type: "addNode", node: node("c", "claim", "Alibaba Cloud should be allowed in the US", 250, 0) },
    { type: "addNode", node: node("s1", "support", "It would build data centres in Virginia", 0, 260) },
    { type: "addNode", node: node("s2", "support", "Data centres create local jobs", 330, 260) },
    { type: "addNode", node: node("r", "rebuttal", "It answers to Beijing", 660, 260) },
    { type: "addNode", node: node("u", "rebuttal", "Data centres employ few people once built", -380, 40) },
    { type: "addEdge", edge: { id: "e1", from: "s1", to: "c", relation: "supports" } },
    { type: "addEdge", edge: { id: "e2", from: "s2", to: "c", relation: "supports" } },
    { type: "addEdge", edge: { id: "e3", from: "r", to: "c", relation: "rebuts" } },
  ]);
  return { token, links };
}

/** The map as the server holds it: links as "from relation to", arguments with their premises. */
async function structureOnServer(page: Page, token: string) {
  const map = await fetchMap(page.request, token);
  const argument = map.nodes.find((n) => n.kind === "argument");
  return {
    argument,
    links: map.edges.map((e) => `${e.from} ${e.relation} ${e.to}`).sort(),
    edges: map.edges,
  };
}

test("with the mouse: two reasons combined as co-premises, an objection dragged onto a link, then outlined and presented", async ({ page }) => {
  const { token } = await seeded(page);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 5);

  // Select both supports (Ctrl+click adds to the selection) and combine them.
  await nodeById(page, "s1").click();
  await nodeById(page, "s2").click({ modifiers: ["Control"] });
  await expect(page.getByTestId("side-panel")).toHaveAttribute("data-mode", "multi");
  await expect(page.getByTestId("panel-combinePremises")).toHaveText(/^Combine as co-premises of a reason for “Alibaba Cloud should be allowed in the/);
  await page.getByTestId("toolbar-combinePremises").click();

  // One argument box, joined by both premises, carries the support now; it opens for its name.
  const argument = page.locator('[data-testid="node"][data-kind="argument"]');
  await expect(argument).toHaveCount(1);
  await expect(argument.getByTestId("node-premises")).toHaveText("2 premises");
  await page.keyboard.type("Jobs for Virginia");
  await page.keyboard.press("Enter");
  await expect(argument.getByTestId("node-text")).toHaveText("Jobs for Virginia");
  await expectSaved(page);
  let server = await structureOnServer(page, token);
  const a = server.argument!.id;
  expect(server.links).toEqual([`${a} supports c`, `r rebuts c`, `s1 premise ${a}`, `s2 premise ${a}`].sort());

  // Drag from the objection's top edge onto the argument's "supports" link: an undercut of it.
  const conclusion = server.edges.find((e) => e.from === a && e.relation === "supports")!;
  await page.getByTestId("toolbar-fitView").click(); // the map opens on its main claim; the objection is off to the side
  await expect(nodeById(page, "u")).toBeInViewport();
  await nodeById(page, "u").hover();
  const handle = page.locator('.react-flow__node[data-id="u"] .arg-handle--out');
  await dragBetween(page, await centreOf(handle), await centreOf(page.locator(`[data-testid="edge-label"][data-id="${conclusion.id}"]`)));
  await expect(edgeLabels(page).filter({ hasText: "undercuts" })).toHaveCount(1);
  await expectSaved(page);
  server = await structureOnServer(page, token);
  expect(server.links).toContain(`u undercuts ${conclusion.id}`);
  const undercut = server.edges.find((e) => e.relation === "undercuts")!;
  await expect(page.locator(`.react-flow__edge[data-id="${undercut.id}"]`)).toHaveAttribute(
    "aria-label",
    /^Undercut: “Data centres employ few people once bui…” undercuts the link “Jobs for Virginia” supports “Alibaba Cloud should be allowed in the …”$/,
  );

  // The outline nests the premises under their reason, and the objection under that reason's link.
  await page.getByTestId("view-toggle-outline").click();
  const lines = page.getByTestId("outline-item");
  await expect(lines).toHaveCount(6);
  const relationsInOrder = () => lines.evaluateAll((items) => items.map((item) => `${(item as HTMLElement).dataset.id}:${item.getAttribute("aria-level")}:${(item as HTMLElement).dataset.relation}`));
  // The reason, then its premises and the objection to its link, one level deeper (the rebuttal of the claim may come first).
  expect((await relationsInOrder()).filter((line) => !line.startsWith("r:"))).toEqual([`c:1:none`, `${a}:2:supports`, "s1:3:premise", "s2:3:premise", "u:3:undercuts"]);
  await expect(page.locator(`[data-testid="outline-item"][data-id="${a}"]`)).toContainText("Jobs for Virginia");
  await expect(page.locator('[data-testid="outline-item"][data-id="u"]')).toContainText("the link “Jobs for Virginia” supports “Alibaba Cloud should be allowed in the …”");

  // Presenting: the claim, then the reason with both its premises at once, then the objection.
  await page.getByTestId("present-button").click();
  const step = page.getByTestId("present-step");
  await expect(step).toHaveAttribute("data-index", "0");
  await page.keyboard.press("ArrowRight");
  await expect(step).toHaveAttribute("data-index", "1");
  await expect(step).toContainText("Argument: Jobs for Virginia. Support: It would build data centres in Virginia. Support: Data centres create local jobs");
  await expect(page.getByTestId("present-stage").locator('[data-current="true"]')).toHaveCount(3);
  await page.keyboard.press("ArrowRight");
  await expect(step).toContainText("Rebuttal: Data centres employ few people once built");
  await expect(page.getByTestId("present-stage").locator(".arg-edge-label--undercuts")).toHaveCount(1);
});

/** Presses Tab (or Shift+Tab) until the target has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, { backwards = false, limit = 100 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

test("with the keyboard only: a reason of two premises and an undercut, from the side panel, then the outline", async ({ page }) => {
  const { token } = await seeded(page);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 5);

  // Tab to the first support on the canvas, select it with Space.
  await tabTo(page, page.locator('.react-flow__node[data-id="s1"]'));
  await page.keyboard.press(" ");
  await expect(page.getByTestId("panel-node")).toContainText("It would build data centres in Virginia");

  // "Works only together with…": tick the other support, then combine.
  const choice = page.getByTestId("combine-choice");
  await tabTo(page, choice);
  await page.keyboard.press(" ");
  await expect(choice).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("combine-premises")).toBeFocused();
  await expect(page.getByTestId("combine-premises")).toHaveText(/^Combine as co-premises of a reason for “Alibaba Cloud should be allowed in the/);
  await page.keyboard.press("Enter");

  // The new argument opens for typing; Enter keeps its name.
  await expect(page.getByTestId("node-text-input")).toBeFocused();
  await page.keyboard.type("Jobs for Virginia");
  await page.keyboard.press("Enter");
  await expect(nodesOn(page)).toHaveCount(6);
  await expectSaved(page);
  let server = await structureOnServer(page, token);
  const a = server.argument!.id;
  expect(server.links).toEqual([`${a} supports c`, `r rebuts c`, `s1 premise ${a}`, `s2 premise ${a}`].sort());

  // The argument's panel lists its premises; from its links, select its link to the claim.
  await expect(page.getByTestId("panel-premises").getByTestId("premise-row")).toHaveCount(2);
  const selectLink = page.getByTestId("panel-node").locator('[data-testid="link-row"][data-relation="supports"] [data-testid="link-row-select"]');
  await tabTo(page, selectLink);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("panel-edge")).toHaveAttribute("data-relation", "supports");

  // "Undercut this link": a new objection beside it, written in place.
  await tabTo(page, page.getByTestId("edge-undercut"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-text-input")).toBeFocused();
  await page.keyboard.type("Data centres need few staff");
  await page.keyboard.press("Enter");
  await expect(edgeLabels(page).filter({ hasText: "undercuts" })).toHaveCount(1);
  await expectSaved(page);
  server = await structureOnServer(page, token);
  const conclusion = server.edges.find((e) => e.from === a && e.relation === "supports")!;
  expect(server.edges.filter((e) => e.relation === "undercuts")).toEqual([expect.objectContaining({ to: conclusion.id })]);

  // The loose objection is linked from the side panel's form as an undercut of the rebuttal's link.
  await tabTo(page, page.locator('.react-flow__node[data-id="u"]'), { backwards: true });
  await page.keyboard.press(" ");
  await expect(page.getByTestId("panel-node")).toContainText("Data centres employ few people once built");
  const relation = page.getByTestId("field-link-relation");
  await tabTo(page, relation);
  await expect(relation).toHaveValue("rebuts");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(relation).toHaveValue("undercuts");
  const target = page.getByTestId("field-link-target");
  await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(target).toHaveValue("e3");
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("link-add")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(edgeLabels(page).filter({ hasText: "undercuts" })).toHaveCount(2);
  await expectSaved(page);
  expect((await structureOnServer(page, token)).links).toContain("u undercuts e3");

  // Undo (Ctrl+Z) takes that undercut back, redo brings it again.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+z");
  await expect(edgeLabels(page).filter({ hasText: "undercuts" })).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(edgeLabels(page).filter({ hasText: "undercuts" })).toHaveCount(2);

  // The outline, by keyboard: the reason, its two premises, and each undercut under its link's reason.
  await tabTo(page, page.getByTestId("view-toggle-outline"));
  await page.keyboard.press("Enter");
  const tree = page.getByTestId("outline-tree");
  await expect(tree.locator('[data-relation="premise"]')).toHaveCount(2);
  await expect(tree.locator('[data-relation="undercuts"]')).toHaveCount(2);
  await expect(tree.locator('[data-relation="undercuts"][data-id="u"]')).toContainText("the link “It answers to Beijing” rebuts");
});

test("on a phone, a reason of several premises and an undercut are shown and reachable", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await context.addInitScript(() => window.localStorage.setItem("argumap:name", "Phone user"));
  const page = await context.newPage();
  const { token } = await seeded(page);
  await postOps(page.request, token, [
    { type: "addNode", node: node("a", "argument", "Jobs for Virginia", 150, 130) },
    { type: "deleteEdge", id: "e1" },
    { type: "deleteEdge", id: "e2" },
    { type: "addEdge", edge: { id: "p1", from: "s1", to: "a", relation: "premise" } },
    { type: "addEdge", edge: { id: "p2", from: "s2", to: "a", relation: "premise" } },
    { type: "addEdge", edge: { id: "conc", from: "a", to: "c", relation: "supports" } },
    { type: "addEdge", edge: { id: "cut", from: "u", to: "conc", relation: "undercuts" } },
  ]);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 6);
  await expect(nodeById(page, "a").getByTestId("node-premises")).toHaveText("2 premises");
  await page.getByTestId("view-toggle-outline").click();
  await expect(page.getByTestId("outline-item")).toHaveCount(6);
  // Nothing is wider than the screen but the canvas and the toolbar, which scroll.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
