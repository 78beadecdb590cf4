/**
 * Keyboard only: a user who never touches a mouse creates a map from the home page, writes a
 * claim, answers it with a rebuttal, links that rebuttal to a second claim from the side panel,
 * corrects a text, and reads and extends the map in the outline. No mouse call in this file.
 */
import type { Locator, Page } from "@playwright/test";
import { afterTwoFrames, ARGUMENT_OF_TWO_PREMISES, createMapViaApi, expect, expectSaved, fetchMap, node, nodesOn, postOps, test, tokenOf, waitForEditor } from "./support/editor";

/** Presses Tab (or Shift+Tab) until the target has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 120 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    const focused = await target.evaluateAll((elements) => elements.some((element) => element === document.activeElement));
    if (focused) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

/** The canvas node (React Flow's focusable wrapper) showing the node with this text. */
const canvasNode = (page: Page, text: string): Locator =>
  page.locator(".react-flow__node").filter({ has: page.getByTestId("node-text").getByText(text, { exact: true }) });

const focusedNodeText = (page: Page) => page.locator(".react-flow__node:focus").getByTestId("node-text");

/** A new node opens for typing: write, and Enter saves it and gives the focus back to the node. */
async function write(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId("node-text-input")).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-text-input")).toHaveCount(0);
}

const focusedLine = (page: Page) => page.locator('[data-testid="outline-item"]:focus');

test("a keyboard-only user builds, links, edits and reads a map", async ({ page }) => {
  // Home: Tab to "New map", Enter, type the title, Enter.
  await page.goto("/");
  await tabTo(page, page.getByTestId("new-map"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("new-map-title")).toBeFocused();
  await page.keyboard.type("Should phones be banned in schools?");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/m\/[^/?#]+$/);
  const token = tokenOf(page.url());
  await waitForEditor(page, 0);

  // C: a claim. The focus comes back to its node on the canvas.
  await page.keyboard.press("c");
  await write(page, "Phones should be banned in class");
  await expect(focusedNodeText(page)).toHaveText("Phones should be banned in class");

  // R with the claim selected: a rebuttal, already linked to it.
  await page.keyboard.press("r");
  await write(page, "Phones help students look things up");
  await expect(focusedNodeText(page)).toHaveText("Phones help students look things up");
  await expect(page.getByTestId("edge-label")).toHaveText(["rebuts"]);

  // Arrow up: from the rebuttal to the claim above it; selected, and nothing moved.
  const before = await page.locator(".react-flow__node").evaluateAll((elements) => elements.map((element) => (element as HTMLElement).style.transform));
  await page.keyboard.press("ArrowUp");
  await expect(focusedNodeText(page)).toHaveText("Phones should be banned in class");
  await expect(canvasNode(page, "Phones should be banned in class").getByTestId("node")).toHaveAttribute("data-selected", "true");
  expect(await page.locator(".react-flow__node").evaluateAll((elements) => elements.map((element) => (element as HTMLElement).style.transform))).toEqual(before);
  await page.keyboard.press("ArrowDown");
  await expect(focusedNodeText(page)).toHaveText("Phones help students look things up");
  await page.keyboard.press("ArrowUp");

  // Enter on the selected claim: edit its text.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-text-input")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await write(page, "Phones should be banned in lessons");
  await expect(focusedNodeText(page)).toHaveText("Phones should be banned in lessons");

  // Escape selects nothing; C adds a second, unlinked claim.
  await page.keyboard.press("Escape");
  await page.keyboard.press("c");
  await write(page, "Schools should teach phone habits");
  await expect(nodesOn(page)).toHaveCount(3);

  // Back to the rebuttal with Shift+Tab, select it with Space, and link it to the new claim from the side panel.
  await tabTo(page, canvasNode(page, "Phones help students look things up"), { backwards: true });
  await page.keyboard.press(" ");
  await expect(page.getByTestId("panel-node")).toContainText("Phones help students look things up");
  const target = page.getByTestId("field-link-target");
  await tabTo(page, target);
  await expect(page.getByTestId("field-link-relation")).toHaveValue("rebuts");
  const claimId = await page.locator('[data-testid="node"]').filter({ hasText: "Schools should teach phone habits" }).getAttribute("data-id");
  for (let presses = 0; presses < 5 && (await target.inputValue()) !== claimId; presses++) await page.keyboard.press("ArrowDown");
  await expect(target).toHaveValue(claimId!);
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("link-add")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("edge-label")).toHaveCount(2);

  // The outline: back to the toggle in the toolbar, Enter; the address says so.
  await tabTo(page, page.getByTestId("view-toggle-outline"), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]view=outline\b/);
  await expect(page.getByTestId("view-toggle-outline")).toHaveAttribute("aria-pressed", "true");
  const tree = page.getByTestId("outline-tree");
  await expect(tree).toHaveAttribute("role", "tree");
  // One tab stop, on the selected rebuttal's line.
  await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
  await tabTo(page, tree.locator('[role="treeitem"][tabindex="0"]'));
  await expect(focusedLine(page)).toHaveAttribute("aria-selected", "true");
  await expect(focusedLine(page)).toHaveAttribute("data-relation", "rebuts");
  await expect(focusedLine(page)).toHaveAttribute("aria-level", "2");

  // Home, arrows: up to the first claim, down into its rebuttal, Left to the parent, Left closes it.
  await page.keyboard.press("Home");
  await expect(focusedLine(page)).toHaveAttribute("aria-level", "1");
  await expect(focusedLine(page)).toContainText("Phones should be banned in lessons");
  await page.keyboard.press("ArrowDown");
  await expect(focusedLine(page)).toContainText("Rebuts");
  await expect(focusedLine(page)).toContainText("also under Claim “Schools should teach phone habits”");
  await page.keyboard.press("ArrowLeft");
  await expect(focusedLine(page)).toHaveAttribute("aria-level", "1");
  await page.keyboard.press("ArrowLeft");
  await expect(focusedLine(page)).toHaveAttribute("aria-expanded", "false");
  // Down skips the closed branch to the second claim; Right goes into it.
  await page.keyboard.press("ArrowDown");
  await expect(focusedLine(page)).toContainText("Schools should teach phone habits");
  await page.keyboard.press("ArrowRight");
  await expect(focusedLine(page)).toHaveAttribute("aria-level", "2");
  await expect(focusedLine(page)).toContainText("Phones help students look things up");
  await page.keyboard.press("End");
  await expect(focusedLine(page)).toContainText("Phones help students look things up");

  // Enter selects the line's node: the side panel shows it.
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("panel-node")).toContainText("Phones should be banned in lessons");
  await expect(focusedLine(page)).toHaveAttribute("aria-selected", "true");

  // S on a focused line: a support for it, written in place; the focus comes back to the outline.
  await page.keyboard.press("s");
  await write(page, "Notifications break concentration");
  await expect(focusedLine(page)).toContainText("Notifications break concentration");
  await expect(focusedLine(page)).toHaveAttribute("data-relation", "supports");
  await expect(focusedLine(page)).toHaveAttribute("aria-level", "2");

  // Everything reached the server.
  await expectSaved(page);
  const map = await fetchMap(page.request, token);
  const byText = new Map(map.nodes.map((each) => [each.text, each]));
  const claim = byText.get("Phones should be banned in lessons");
  const other = byText.get("Schools should teach phone habits");
  const rebuttal = byText.get("Phones help students look things up");
  const support = byText.get("Notifications break concentration");
  expect([claim?.kind, other?.kind, rebuttal?.kind, support?.kind]).toEqual(["claim", "claim", "rebuttal", "support"]);
  const links = map.edges.map((edge) => `${edge.from} ${edge.relation} ${edge.to}`).sort();
  expect(links).toEqual(
    [`${rebuttal!.id} rebuts ${claim!.id}`, `${rebuttal!.id} rebuts ${other!.id}`, `${support!.id} supports ${claim!.id}`].sort(),
  );
});

/** How much of the element's box lies inside the canvas, from 0 to 1. */
async function shareInCanvas(page: Page, element: Locator): Promise<number> {
  const canvas = (await page.getByTestId("map-canvas").boundingBox())!;
  const box = (await element.boundingBox())!;
  const width = Math.max(0, Math.min(box.x + box.width, canvas.x + canvas.width) - Math.max(box.x, canvas.x));
  const height = Math.max(0, Math.min(box.y + box.height, canvas.y + canvas.height) - Math.max(box.y, canvas.y));
  return (width * height) / (box.width * box.height);
}

test("Tab to a node the view shows only in part, or to a link off screen: the canvas pans to show it, and leaves what is in view where it is", async ({ page }) => {
  // The opening view frames the claim and its reasons: the premises below are cut by its edge.
  const { token } = await createMapViaApi(page.request, "Is Alibaba Cloud safe for US data?");
  await postOps(page.request, token, [
    ...ARGUMENT_OF_TWO_PREMISES,
    { type: "addNode", node: node("r", "rebuttal", "The law has never been used against a foreign cloud's customers", 1500, 1400) },
    { type: "addEdge", edge: { id: "far", from: "r", to: "p2", relation: "rebuts" } },
  ]);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 5);
  const premise = page.locator('.react-flow__node[data-id="p2"]');
  const cut = await shareInCanvas(page, premise);
  expect(cut).toBeGreaterThan(0);
  expect(cut).toBeLessThan(1);

  // The premise is cut: reaching it brings all of it into the canvas.
  await tabTo(page, premise);
  await expect.poll(() => shareInCanvas(page, premise)).toBe(1);
  await expect(premise).toBeFocused();

  // Its neighbour is in view: reaching it moves nothing.
  const neighbour = page.locator('.react-flow__node[data-id="p1"]');
  expect(await shareInCanvas(page, neighbour)).toBe(1);
  const viewport = page.locator(".react-flow__viewport");
  const before = await viewport.getAttribute("style");
  await page.keyboard.press("Shift+Tab");
  await expect(neighbour).toBeFocused();
  await afterTwoFrames(page);
  expect(await viewport.getAttribute("style")).toBe(before);

  // The rebuttal's link runs far below: reaching it brings its label, which names it, into view.
  const link = page.locator('.react-flow__edge[data-id="far"]');
  const label = page.locator('[data-testid="edge-label"][data-id="far"]');
  expect(await shareInCanvas(page, label)).toBeLessThan(1);
  await tabTo(page, link, { backwards: true });
  await expect.poll(() => shareInCanvas(page, label)).toBe(1);
  await expect(link).toBeFocused();
});
