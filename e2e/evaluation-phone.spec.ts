/**
 * Which claims stand on a 390×844 phone: a student following the presenter sees the labels when
 * the talk reaches its last step (as the stage shows them), can switch them off, reads why with a
 * tap, and the page stays axe clean.
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

    // The talk starts: the phone follows, still without labels at the first step.
    await teacher.goto(`/m/${token}/present`);
    await expect(teacher.getByTestId("present-step")).toHaveAttribute("data-index", "0");
    await expect(phone.getByTestId("follow-banner")).toHaveAttribute("data-following", "true");
    await expect(phone.getByTestId("verdict")).toHaveCount(0);

    // The last step: the stage and the phone both say which claims stand.
    await teacher.keyboard.press("End");
    await expect(teacher.getByTestId("present-stand")).toHaveAttribute("aria-pressed", "true");
    await expect(pill(phone, "claim")).toHaveAttribute("data-label", "defeated");
    await expect(pill(phone, "leak")).toHaveAttribute("data-label", "accepted");
    await expect(phone.getByTestId("stand-toggle")).toHaveAttribute("aria-pressed", "true");

    // A tap on the pill says why, in one line that fits the phone's width.
    await pill(phone, "claim").getByRole("button").tap();
    const why = phone.getByRole("tooltip");
    await expect(why).toHaveText(/^Defeated: rebutted by Fu Liang’s “No evidence any data reached Beijing”/);
    const box = (await why.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page: phone }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

    // The student can still switch it off for themselves.
    await phone.getByTestId("stand-toggle").tap();
    await expect(phone.getByTestId("stand-toggle")).toHaveAttribute("aria-pressed", "false");
    await expect(phone.getByTestId("verdict")).toHaveCount(0);
  } finally {
    await teacherContext.close();
    await phoneContext.close();
  }
});
