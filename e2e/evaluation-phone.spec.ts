/**
 * Which claims stand on a 390×844 phone: a student following the presenter sees the labels and
 * why on the step's cards when the talk reaches its last step (as the stage shows them), and on
 * the whole map with a tap on a pill; they can switch them off; the page stays axe clean. A
 * reader's own "what if" on a phone is told above the map, not over it, and its pressed button
 * stays readable after the tap.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createMapViaApi, expect, node, nodeById, postOps, test, waitForEditor } from "./support/editor";

const pill = (page: Page, nodeId: string) => nodeById(page, nodeId).getByTestId("verdict");

test("a follower's phone shows which claims stand at the presenter's last step", async ({ browser, request }) => {
  const { token, links } = await createMapViaApi(request, "Is Alibaba Cloud a risk?");
  await postOps(request, token, [
    { type: "addNode", node: node("claim", "claim", "Alibaba Cloud is a security risk", 0, 0) },
    { type: "addNode", node: { ...node("leak", "rebuttal", "No evidence any data reached Beijing", 0, 260), speaker: "Fu Liang" } },
    { type: "addEdge", edge: { id: "e1", from: "leak", to: "claim", relation: "rebuts" } },
  ]);
  const teacherContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    await teacherContext.addInitScript(() => window.localStorage.setItem("argumap:name", "Ms Rivera"));
    await phoneContext.addInitScript(() => window.localStorage.setItem("argumap:name", "Sam"));
    const teacher = await teacherContext.newPage();
    const phone = await phoneContext.newPage();
    await phone.goto(new URL(links.view).pathname);
    await waitForEditor(phone, 2);
    await expect(phone.getByTestId("verdict")).toHaveCount(0);

    // The talk starts: the phone follows on cards, still without labels at the first step.
    await teacher.goto(`/m/${token}/present`);
    await expect(teacher.getByTestId("present-step")).toHaveAttribute("data-index", "0");
    await expect(phone.getByTestId("follow-cards")).toHaveAttribute("data-step", "0");
    await expect(phone.getByTestId("step-card")).toHaveCount(1);
    await expect(phone.getByTestId("card-verdict")).toHaveCount(0);

    // The last step: the stage and the phone's card both say which claims stand, and why in words.
    await teacher.keyboard.press("End");
    await expect(teacher.getByTestId("present-stand")).toHaveAttribute("aria-pressed", "true");
    const card = phone.locator('[data-testid="step-card"][data-id="leak"]');
    await expect(card.getByTestId("card-verdict")).toHaveAttribute("data-label", "accepted");
    await expect(card.getByTestId("card-verdict")).toContainText("Accepted: nothing rebuts it");
    const results = await new AxeBuilder({ page: phone }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // A glance at the whole map: every node's pill; a tap on a node says why in the panel below.
    await phone.getByTestId("follow-glance").tap();
    await expect(pill(phone, "claim")).toHaveAttribute("data-label", "defeated");
    await expect(pill(phone, "leak")).toHaveAttribute("data-label", "accepted");
    await expect(phone.getByTestId("stand-toggle")).toHaveAttribute("aria-pressed", "true");
    await nodeById(phone, "leak").tap();
    await expect(phone.getByTestId("panel-why")).toHaveText("Accepted: nothing rebuts it.");
    // The toolbar's switch fits the phone on one line.
    const toggle = (await phone.getByTestId("stand-toggle").boundingBox())!;
    expect(toggle.x + toggle.width).toBeLessThanOrEqual(390);
    expect(toggle.height).toBeLessThan(40);

    // The student can still switch it off for themselves.
    await phone.getByTestId("stand-toggle").tap();
    await expect(phone.getByTestId("stand-toggle")).toHaveAttribute("aria-pressed", "false");
    await expect(phone.getByTestId("verdict")).toHaveCount(0);
  } finally {
    await teacherContext.close();
    await phoneContext.close();
  }
});

test("a what-if on a phone is told above the map, leaving the main claim in sight, and its pressed button stays readable", async ({ browser, request }) => {
  const { links } = await createMapViaApi(request, "Is Alibaba Cloud a risk?");
  await postOps(request, links.edit.split("/m/")[1]!, [
    { type: "addNode", node: node("claim", "claim", "Alibaba Cloud is a security risk", 0, 0) },
    { type: "addNode", node: { ...node("leak", "rebuttal", "No evidence any data reached Beijing", 0, 260), speaker: "Fu Liang" } },
    { type: "addEdge", edge: { id: "e1", from: "leak", to: "claim", relation: "rebuts" } },
  ]);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    await context.addInitScript(() => window.localStorage.setItem("argumap:name", "Sam"));
    const phone = await context.newPage();
    await phone.goto(new URL(links.view).pathname);
    await waitForEditor(phone, 2);
    await phone.getByTestId("stand-toggle").tap();
    await nodeById(phone, "claim").tap();
    const accept = phone.getByTestId("what-if-accept");
    await accept.tap();
    await expect(accept).toHaveAttribute("aria-pressed", "true");
    const banner = phone.getByTestId("what-if-banner");
    await expect(banner).toBeVisible();
    // Above the canvas: nothing of the map, its main claim and pill included, is under it.
    const strip = (await banner.boundingBox())!;
    const canvas = (await phone.getByTestId("map-canvas").boundingBox())!;
    expect(strip.y + strip.height).toBeLessThanOrEqual(canvas.y);
    // The tapped button keeps its pressed colours (a touch leaves :hover on it).
    const colours = await accept.evaluate((button) => {
      const style = getComputedStyle(button);
      return { text: style.color, back: style.backgroundColor };
    });
    const accent = await phone.getByTestId("stand-toggle").evaluate((toggle) => getComputedStyle(toggle).backgroundColor);
    expect(colours.back).toBe(accent);
    expect(colours.text).not.toBe(accent);
    const results = await new AxeBuilder({ page: phone }).include('[data-testid="stand-section"]').analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  } finally {
    await context.close();
  }
});
