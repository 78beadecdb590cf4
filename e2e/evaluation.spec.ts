/**
 * Which claims stand: the demo's labels, a rebuttal flipping a label live in another browser, the
 * why line by keyboard, a reader's "what if" staying theirs, the base score, the stage's last
 * step, the page without JavaScript, and the exported picture.
 */
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { createMapViaApi, expect, expectSaved, node, nodeById, postOps, test, waitForEditor } from "./support/editor";
import { openAs } from "./support/people";

const pill = (page: Page, nodeId: string) => nodeById(page, nodeId).getByTestId("verdict");
const flowNode = (page: Page, nodeId: string) => page.locator(`.react-flow__node[data-id="${nodeId}"]`);

async function showWhichStand(page: Page): Promise<void> {
  const toggle = page.getByTestId("stand-toggle");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
}

/** Fu Liang's rebuttal of the claim, which nothing rebuts (yet): the claim is defeated. */
async function debateMap(request: APIRequestContext) {
  const { token, links } = await createMapViaApi(request, "Is Alibaba Cloud a risk?");
  await postOps(request, token, [
    { type: "addNode", node: node("claim", "claim", "Alibaba Cloud is a security risk", 0, 0) },
    { type: "addNode", node: { ...node("leak", "rebuttal", "No evidence any data reached Beijing", 0, 260), speaker: "Fu Liang" } },
    { type: "addEdge", edge: { id: "e1", from: "leak", to: "claim", relation: "rebuts" } },
  ]);
  return { token, links };
}

/** Someone on the debate map through `link`, its two nodes on screen. */
async function openOn(browser: Browser, baseURL: string, link: string, name: string) {
  const person = await openAs(browser, baseURL, new URL(link).pathname, name);
  await waitForEditor(person.page, 2);
  return person;
}

test("the demo map says which of its claims stand, in words, symbols and the nodes' names", async ({ page }) => {
  await page.goto("/m/demo");
  await waitForEditor(page);
  await expect(page.getByTestId("verdict")).toHaveCount(0);
  await showWhichStand(page);
  await expect(pill(page, "n-main-alibaba-cloud-risk")).toHaveAttribute("data-label", "defeated");
  await expect(pill(page, "n-main-alibaba-cloud-risk")).toContainText("Defeated");
  await expect(pill(page, "n-gt-political-assault")).toContainText("Accepted");
  await expect(pill(page, "n-yu-similar-suspicion")).toContainText("Accepted");
  // Screen readers get the label in each node's name.
  await expect(flowNode(page, "n-main-alibaba-cloud-risk")).toHaveAttribute("aria-label", /\. Defeated, strength \d+%$/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  // The reader's choice is kept: the overlay is still on after a reload.
  await page.reload();
  await expect(pill(page, "n-main-alibaba-cloud-risk")).toContainText("Defeated");
});

test("adding a rebuttal flips a label live in a second browser", async ({ browser, baseURL, request }) => {
  const { links } = await debateMap(request);
  const ada = await openOn(browser, baseURL!, links.edit, "Ada");
  const ben = await openOn(browser, baseURL!, links.edit, "Ben");
  try {
    await showWhichStand(ben.page);
    await expect(pill(ben.page, "claim")).toHaveAttribute("data-label", "defeated");
    // Ada answers Fu Liang's rebuttal with one of her own (select it, R, write).
    await nodeById(ada.page, "leak").click();
    await ada.page.keyboard.press("r");
    await expect(ada.page.getByTestId("node-text-input")).toBeFocused();
    await ada.page.keyboard.type("Chinese law obliges firms to hand data over on request");
    await ada.page.keyboard.press("Enter");
    await expectSaved(ada.page);
    await expect(pill(ben.page, "leak")).toHaveAttribute("data-label", "defeated");
    await expect(pill(ben.page, "claim")).toHaveAttribute("data-label", "accepted");
    await expect(pill(ben.page, "claim")).toContainText("Accepted");
  } finally {
    await ada.context.close();
    await ben.context.close();
  }
});

test("the why line is reachable by keyboard, on the canvas and in the outline", async ({ page, request }) => {
  const { links } = await debateMap(request);
  await page.goto(new URL(links.view).pathname);
  await waitForEditor(page, 2);
  await showWhichStand(page);
  // Focus the claim's node, select it (Enter), then Tab to its label: the line opens.
  await flowNode(page, "claim").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const badge = pill(page, "claim").getByRole("button");
  await expect(badge).toBeFocused();
  const why = page.getByRole("tooltip");
  await expect(why).toHaveText("Defeated: rebutted by Fu Liang’s “No evidence any data reached Beijing”, which nothing rebuts.");
  await expect(badge).toHaveAttribute("aria-describedby", (await why.getAttribute("id"))!);
  // The chain it names is highlighted: the claim and Fu Liang's rebuttal.
  await expect(nodeById(page, "claim")).toHaveClass(/is-in-chain/);
  await expect(nodeById(page, "leak")).toHaveClass(/is-in-chain/);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toHaveCount(0);
  await expect(nodeById(page, "leak")).not.toHaveClass(/is-in-chain/);
  // The side panel says it too, with the chain as buttons that select each node.
  await expect(page.getByTestId("panel-why")).toContainText("rebutted by Fu Liang’s");
  await page.getByTestId("stand-section").getByRole("button", { name: /No evidence any data/ }).click();
  await expect(page.getByTestId("panel-node")).toHaveAttribute("data-id", "leak");
  // In the outline, the focused line says why.
  await page.getByTestId("view-toggle-outline").click();
  await page.locator('[data-testid="outline-item"][data-id="claim"]').focus();
  await expect(page.locator('[data-testid="outline-item"][data-id="claim"]').getByTestId("outline-why")).toHaveText(/^Defeated: rebutted by Fu Liang’s/);
});

test("accept as given changes only my view, says so, and clears in one click", async ({ browser, baseURL, request }) => {
  const { token, links } = await debateMap(request);
  const me = await openOn(browser, baseURL!, links.view, "Me");
  const other = await openOn(browser, baseURL!, links.edit, "Other");
  try {
    await showWhichStand(me.page);
    await showWhichStand(other.page);
    await nodeById(me.page, "claim").click();
    await me.page.getByTestId("what-if-accept").click();
    await expect(me.page.getByTestId("what-if-accept")).toHaveAttribute("aria-pressed", "true");
    await expect(pill(me.page, "claim")).toHaveAttribute("data-label", "accepted");
    await expect(pill(me.page, "claim")).toContainText("your view");
    await expect(me.page.getByTestId("what-if-banner")).toContainText("Your view only: 1 accepted as given");
    // Nobody else's map changes, and neither does the map's own evaluation.
    await expect(pill(other.page, "claim")).toHaveAttribute("data-label", "defeated");
    const served = await (await me.page.request.get(`/api/maps/${token}/evaluation`)).json();
    expect(served.labels.claim).toBe("defeated");
    // Kept in this browser: still there after a reload.
    await me.page.reload();
    await waitForEditor(me.page, 2);
    await expect(pill(me.page, "claim")).toHaveAttribute("data-label", "accepted");
    await me.page.getByTestId("what-if-clear").click();
    await expect(me.page.getByTestId("what-if-banner")).toHaveCount(0);
    await expect(pill(me.page, "claim")).toHaveAttribute("data-label", "defeated");
  } finally {
    await me.context.close();
    await other.context.close();
  }
});

test("a base score set in the side panel is saved as an op and moves the strength", async ({ page, request }) => {
  const { links, token } = await debateMap(request);
  await page.goto(new URL(links.edit).pathname);
  await waitForEditor(page, 2);
  await showWhichStand(page);
  await expect(pill(page, "claim")).toContainText("25%");
  await nodeById(page, "claim").click();
  const field = page.getByTestId("field-base-score");
  await field.fill("80");
  await field.press("Enter");
  await expectSaved(page);
  // 0.8 − 0.8 × 0.5 (Fu Liang's rebuttal at 0.5): 40%.
  await expect(pill(page, "claim")).toContainText("40%");
  const map = await (await request.get(`/api/maps/${token}`)).json();
  expect(map.nodes.find((n: { id: string }) => n.id === "claim").baseScore).toBe(0.8);
  // One undo step, as for any edit.
  await flowNode(page, "claim").focus();
  await page.keyboard.press("Control+z");
  await expect(pill(page, "claim")).toContainText("25%");
});

test("the stage shows which claims stand at the last step, and W switches it", async ({ page, request }) => {
  const { links } = await debateMap(request);
  await page.goto(`${new URL(links.view).pathname}/present`);
  const stagePill = (nodeId: string) => page.locator(`[data-testid="present-node"][data-id="${nodeId}"]`).getByTestId("verdict-tag");
  await expect(page.getByTestId("present-step")).toHaveAttribute("data-index", "0");
  await expect(page.getByTestId("verdict-tag")).toHaveCount(0);
  await page.keyboard.press("End");
  await expect(stagePill("claim")).toHaveAttribute("data-label", "defeated");
  await expect(page.getByTestId("present-stand")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("w");
  await expect(page.getByTestId("verdict-tag")).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the read-only page says which claims stand and why", async ({ page, request }) => {
    const { links } = await debateMap(request);
    await page.goto(new URL(links.view).pathname);
    const outline = page.getByTestId("server-outline");
    await expect(outline.getByText("Which claims stand (grounded semantics): 1 accepted, 1 defeated, 0 undecided.", { exact: false })).toBeVisible();
    await expect(outline.locator('[data-testid="outline-stand"][data-label="defeated"]')).toContainText("Defeated: rebutted by Fu Liang’s “No evidence any data reached Beijing”, which nothing rebuts.");
  });
});

test("the SVG export shows the labels unless asked not to", async ({ request }) => {
  const { token } = await debateMap(request);
  const svg = await (await request.get(`/api/maps/${token}/export?format=svg`)).text();
  expect(svg).toContain(">Defeated 25%</text>");
  expect(svg).toContain(">Accepted 50%</text>");
  const plain = await (await request.get(`/api/maps/${token}/export?format=svg&evaluation=off`)).text();
  expect(plain).not.toContain("Defeated");
});
