/**
 * Which claims stand with reasons of several premises and undercuts (docs/structure.md's one rule):
 * an argument carries its conclusion only while every premise stands, and an undercut stops a
 * link from carrying. Each flip arrives live from someone else's edit, and is explained; the
 * outline, the API and the exported picture say the same.
 */
import type { Page } from "@playwright/test";
import { ARGUMENT_OF_TWO_PREMISES, createMapViaApi, expect, fitWholeMap, node, nodeById, postOps, test, waitForEditor } from "./support/editor";

const pill = (page: Page, nodeId: string) => nodeById(page, nodeId).getByTestId("verdict");

/**
 * Selects the node (a click) and reaches its pill with Tab: its why line opens. The opening view
 * frames the claim and its reasons, so a premise below them is in view only once the map is fitted.
 */
async function whyOf(page: Page, nodeId: string): Promise<string> {
  await fitWholeMap(page);
  await expect(nodeById(page, nodeId)).toBeInViewport({ ratio: 1 });
  await nodeById(page, nodeId).click();
  await expect(nodeById(page, nodeId)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("Tab");
  await expect(pill(page, nodeId).getByRole("button")).toBeFocused();
  const text = (await page.getByRole("tooltip").textContent()) ?? "";
  await page.keyboard.press("Escape");
  return text;
}

test("an argument stands only with all its premises, and an undercut stops a rebuttal from carrying", async ({ page }) => {
  const { token } = await createMapViaApi(page.request, "Is Alibaba Cloud safe for US data?");
  await postOps(page.request, token, [...ARGUMENT_OF_TWO_PREMISES]);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 4);
  await page.getByTestId("stand-toggle").click();

  // Both premises stand, so the argument does, and it defeats the claim.
  await expect(pill(page, "a")).toHaveAttribute("data-label", "accepted");
  await expect(pill(page, "c")).toHaveAttribute("data-label", "defeated");
  expect(await whyOf(page, "a")).toBe("Accepted: its 2 premises are all accepted and nothing rebuts it.");
  await expect(page.locator('.react-flow__node[data-id="a"]')).toHaveAttribute("aria-label", /\. Accepted, strength \d+%$/);

  // Someone rebuts one premise: the argument falls with it, and the claim stands again.
  await postOps(page.request, token, [
    { type: "addNode", node: { ...node("r", "rebuttal", "The law has never been used against a foreign cloud's customers", 700, 840), speaker: "Fu Liang" } },
    { type: "addEdge", edge: { id: "rp2", from: "r", to: "p2", relation: "rebuts" } },
  ]);
  await expect(pill(page, "p2")).toHaveAttribute("data-label", "defeated");
  await expect(pill(page, "a")).toHaveAttribute("data-label", "defeated");
  await expect(pill(page, "c")).toHaveAttribute("data-label", "accepted");
  expect(await whyOf(page, "a")).toMatch(/^Defeated: its premise “Chinese law obliges firms to hand …” is defeated/);

  // An undercut of that rebuttal ("true, but it doesn't show that"): the rebuttal still stands,
  // but no longer carries; the premise, the argument and the claim flip back.
  await postOps(page.request, token, [
    { type: "addNode", node: node("u", "rebuttal", "Never used so far says nothing of what the law allows", 300, 840) },
    { type: "addEdge", edge: { id: "u-rp2", from: "u", to: "rp2", relation: "undercuts" } },
  ]);
  await expect(pill(page, "p2")).toHaveAttribute("data-label", "accepted");
  await expect(pill(page, "r")).toHaveAttribute("data-label", "accepted");
  await expect(pill(page, "a")).toHaveAttribute("data-label", "accepted");
  await expect(pill(page, "c")).toHaveAttribute("data-label", "defeated");
  expect(await whyOf(page, "p2")).toMatch(/does not carry: “Never used so far says nothing …” undercuts it/);

  // The same verdicts in the outline and in the API.
  await page.getByTestId("view-toggle-outline").click();
  await expect(page.locator('[data-testid="outline-item"][data-id="a"]').getByTestId("verdict-tag").first()).toHaveAttribute("data-label", "accepted");
  const served = await (await page.request.get(`/api/maps/${token}/evaluation`)).json();
  expect(served.labels).toEqual({ c: "defeated", a: "accepted", p1: "accepted", p2: "accepted", r: "accepted", u: "accepted" });
  // The exported picture labels every node, the argument too.
  const svg = await (await page.request.get(`/api/maps/${token}/export?format=svg`)).text();
  expect(svg.match(/>(Accepted|Defeated|Undecided) \d+%<\/text>/g)).toHaveLength(6);
});
