/**
 * Presenting a map in a class: the teacher orders the path in the editor (keyboard and drag),
 * groups two reasons into one step and writes speaker notes, presents it full screen with the
 * keyboard, drives it from the presenter window, and a student on the view link follows live,
 * breaks away and re-joins. Only the owner leads: an editor's presentation is private.
 */
import type { BrowserContext, Page, TestInfo } from "@playwright/test";
import { createMapViaApi, expect, expectSaved, fetchMap, node, nodeById, nodesOn, postOps, test, tokenOf, waitForEditor } from "./support/editor";

const PRESENTER = "Ms Rivera";

async function seedDebate(request: Parameters<typeof createMapViaApi>[0]) {
  const map = await createMapViaApi(request, "Should homework be banned?");
  const rebuttal = { ...node("r1", "rebuttal", "Practice at home is how skills stick", 320, 260), speaker: "Prof. Lee", quote: "Skills stick through practice at home" };
  await postOps(request, map.token, [
    { type: "addNode", node: node("c", "claim", "Homework should be banned", 0, 0) },
    { type: "addNode", node: { ...node("s1", "support", "Pupils are exhausted", -320, 260), speaker: "A teacher" } },
    { type: "addNode", node: node("s2", "support", "Family time matters", 0, 260) },
    { type: "addNode", node: rebuttal },
    { type: "addEdge", edge: { id: "e1", from: "s1", to: "c", relation: "supports" } },
    { type: "addEdge", edge: { id: "e2", from: "s2", to: "c", relation: "supports" } },
    { type: "addEdge", edge: { id: "e3", from: "r1", to: "c", relation: "rebuts" } },
  ]);
  return map;
}

/** A browser of its own, as a returning visitor called `name`. */
async function personNamed(context: BrowserContext, name: string): Promise<Page> {
  await context.addInitScript((saved) => window.localStorage.setItem("argumap:name", saved), name);
  return context.newPage();
}

const pathOrder = (page: Page) =>
  page.getByTestId("path-step").evaluateAll((items) => items.map((item) => [...item.querySelectorAll("[data-node-id]")].map((n) => (n as HTMLElement).dataset.nodeId).join("+")));

const revealedOnStage = (page: Page) =>
  page
    .getByTestId("present-stage")
    .locator('[data-revealed="true"]')
    .evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id).sort());

const shownOnCanvas = (page: Page) => nodesOn(page).evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id).sort());

async function expectStep(stage: Page, index: number, count: number, revealed: string[]) {
  await expect(stage.getByTestId("present-step")).toHaveAttribute("data-index", String(index));
  await expect(stage.getByTestId("present-progress")).toContainText(`Step ${index + 1} of ${count}`);
  await expect.poll(() => revealedOnStage(stage)).toEqual([...revealed].sort());
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("a teacher builds a path, presents it step by step, and a student on the view link follows", async ({ browser, request }, testInfo) => {
  const { token, links } = await seedDebate(request);
  const teacherContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const studentContext = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const teacher = await personNamed(teacherContext, PRESENTER);
  const student = await personNamed(studentContext, "Sam");

  // --- The path, in the editor ---
  await teacher.goto(`/m/${token}`);
  await waitForEditor(teacher, 4);
  await teacher.getByTestId("path-open").click();
  const panel = teacher.getByTestId("path-panel");
  await expect(panel).toBeVisible();
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "s1", "s2", "r1"]);
  await expect(teacher.getByTestId("path-reset")).toBeDisabled();

  // The rebuttal goes second, with the keyboard: the focus stays on the step's button as it moves.
  const rebuttalStep = panel.locator('[data-testid="path-step"]', { has: teacher.locator('[data-node-id="r1"]') });
  await rebuttalStep.getByTestId("path-step-up").focus();
  await teacher.keyboard.press("Enter");
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "s1", "r1", "s2"]);
  await expect(rebuttalStep.getByTestId("path-step-up")).toBeFocused();
  await teacher.keyboard.press("Enter");
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "r1", "s1", "s2"]);

  // "Family time" is dragged above "Pupils are exhausted".
  const stepOf = (id: string) => panel.locator('[data-testid="path-step"]', { has: teacher.locator(`[data-node-id="${id}"]`) });
  await stepOf("s2").locator(".path-step__grip").dragTo(stepOf("s1"), { targetPosition: { x: 40, y: 4 } });
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "r1", "s2", "s1"]);

  // The two supports are selected on the canvas and grouped into one step.
  await expect(teacher.getByTestId("path-group")).toBeDisabled();
  await nodeById(teacher, "s1").click();
  await nodeById(teacher, "s2").click({ modifiers: ["Shift"] });
  await expect(teacher.getByTestId("path-group")).toHaveText(/Group 2 selected/);
  await teacher.getByTestId("path-group").click();
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "r1", "s2+s1"]);

  // Undo takes back the grouping alone (one op), redo puts it back.
  await teacher.getByTestId("map-canvas").locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await teacher.keyboard.press("Control+z");
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "r1", "s2", "s1"]);
  await teacher.keyboard.press("Control+Shift+z");
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "r1", "s2+s1"]);

  // Speaker notes for the rebuttal's step, saved when the field is left.
  await stepOf("r1").getByTestId("path-notes").fill("Ask who did their homework today.");
  await stepOf("r1").getByTestId("path-notes").press("Tab");
  await expectSaved(teacher);
  const saved = await fetchMap(request, token);
  expect(saved.map.presentation?.steps.map((step) => ({ nodeIds: step.nodeIds, notes: step.notes }))).toEqual([
    { nodeIds: ["c"], notes: "" },
    { nodeIds: ["r1"], notes: "Ask who did their homework today." },
    { nodeIds: ["s2", "s1"], notes: "" },
  ]);
  await expect(teacher.getByTestId("path-reset")).toBeEnabled();

  // A node left out of the path is listed apart and can be added back (where the default order has it).
  await stepOf("s2").locator('[data-node-id="s1"]').getByTestId("path-skip").click();
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "r1", "s2"]);
  await expect(teacher.getByTestId("path-skipped")).toContainText("Pupils are exhausted");
  await teacher.getByTestId("path-skipped").getByTestId("path-unskip").click();
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "s1", "r1", "s2"]);
  await expect(teacher.getByTestId("path-skipped")).toHaveCount(0);
  // Both were one op each: two undos bring back the grouped path, notes and all.
  await teacher.keyboard.press("Control+z");
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "r1", "s2"]);
  await teacher.keyboard.press("Control+z");
  await expect.poll(() => pathOrder(teacher)).toEqual(["c", "r1", "s2+s1"]);
  await expect(stepOf("r1").getByTestId("path-notes")).toHaveValue("Ask who did their homework today.");
  await expectSaved(teacher);

  // --- The student opens the view link before the talk starts: the whole map, no banner ---
  await student.goto(links.view);
  await waitForEditor(student, 4);
  await expect(student.getByTestId("follow-banner")).toHaveCount(0);

  // --- Presenting ---
  await teacher.getByTestId("present-button").click();
  await teacher.waitForURL(new RegExp(`/m/${token}/present$`));
  const stage = teacher;
  await expect(stage.getByTestId("present-stage")).toBeVisible();
  await expectStep(stage, 0, 3, ["c"]);

  // The student's canvas follows the presenter, with the same reveal.
  const banner = student.getByTestId("follow-banner");
  await expect(banner).toHaveAttribute("data-following", "true");
  await expect(banner).toContainText(`Following ${PRESENTER}`);
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c"]);

  await stage.keyboard.press("ArrowRight");
  await expectStep(stage, 1, 3, ["c", "r1"]);
  await expect(stage.getByTestId("present-caption")).toContainText("Skills stick through practice at home");
  await expect(stage.getByTestId("present-caption")).toContainText("Prof. Lee");
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c", "r1"]);

  await stage.keyboard.press(" ");
  await expectStep(stage, 2, 3, ["c", "r1", "s1", "s2"]);
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c", "r1", "s1", "s2"]);
  await stage.keyboard.press("PageDown"); // already on the last step
  await expectStep(stage, 2, 3, ["c", "r1", "s1", "s2"]);
  await expect(stage.getByTestId("present-next")).toBeDisabled();

  await stage.keyboard.press("ArrowLeft");
  await expectStep(stage, 1, 3, ["c", "r1"]);
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c", "r1"]);
  await stage.keyboard.press("Home");
  await expectStep(stage, 0, 3, ["c"]);
  await stage.keyboard.press("End");
  await expectStep(stage, 2, 3, ["c", "r1", "s1", "s2"]);
  await stage.keyboard.press("PageUp");
  await expectStep(stage, 1, 3, ["c", "r1"]);

  // On-screen buttons, for touch screens.
  await stage.getByTestId("present-prev").click();
  await expectStep(stage, 0, 3, ["c"]);
  await stage.getByTestId("present-next").click();
  await expectStep(stage, 1, 3, ["c", "r1"]);

  // Blank screen: B, and the button.
  await stage.keyboard.press("b");
  await expect(stage.getByTestId("present-blank-screen")).toBeVisible();
  await stage.keyboard.press("b");
  await expect(stage.getByTestId("present-blank-screen")).toHaveCount(0);
  await stage.getByTestId("present-blank").click();
  await expect(stage.getByTestId("present-blank-screen")).toBeVisible();
  await stage.getByTestId("present-blank-screen").click();
  await expect(stage.getByTestId("present-blank-screen")).toHaveCount(0);

  // The student breaks away: the whole map comes back and stays while the presenter moves on.
  await student.getByTestId("follow-stop").click();
  await expect(banner).toHaveAttribute("data-following", "false");
  await expect(student.getByTestId("follow-join")).toBeVisible();
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c", "r1", "s1", "s2"]);
  await stage.keyboard.press("Home");
  await expectStep(stage, 0, 3, ["c"]);
  await expect(banner).toHaveAttribute("data-step", "0");
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c", "r1", "s1", "s2"]);
  // ...and re-joins with one click, on the presenter's step.
  await student.getByTestId("follow-join").click();
  await expect(banner).toHaveAttribute("data-following", "true");
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c"]);

  // --- The presenter window (P): notes, next step, timer, and it drives the stage ---
  await stage.setViewportSize({ width: 1920, height: 1080 });
  const [presenter] = await Promise.all([teacherContext.waitForEvent("page"), stage.keyboard.press("p")]);
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await expect(presenter).toHaveURL(new RegExp(`/m/${token}/present\\?presenter=1$`));
  await expect(presenter.getByTestId("presenter-notes")).toContainText("No notes for this step");
  await expect(presenter.getByTestId("presenter-next-preview")).toContainText("Practice at home is how skills stick");
  await expect(presenter.getByTestId("presenter-timer")).toHaveText(/^\d+:\d\d$/);
  await expect(stage.getByTestId("present-step")).toHaveAttribute("data-index", "0");

  await presenter.keyboard.press("ArrowRight");
  await expect(presenter.getByTestId("presenter-notes")).toHaveText("Ask who did their homework today.");
  await expect(presenter.getByTestId("presenter-next-preview")).toContainText("Family time matters");
  await expect(presenter.getByTestId("presenter-next-preview")).toContainText("Pupils are exhausted");
  await expectStep(stage, 1, 3, ["c", "r1"]);
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c", "r1"]);

  // ...and the stage drives the presenter window.
  await stage.keyboard.press("ArrowRight");
  await expect(presenter.getByTestId("presenter-next-preview")).toContainText("End of the presentation");
  await presenter.getByTestId("present-prev").click();
  await expectStep(stage, 1, 3, ["c", "r1"]);
  await expect(presenter.getByTestId("presenter-timer")).toHaveText(/^\d+:\d\d$/);

  await attachScreenshot(presenter, testInfo, "presenter-window-1920x1080");
  await attachScreenshot(stage, testInfo, "stage-1920x1080");

  // Esc leaves the presentation for the map; followers are let go.
  await presenter.close();
  await stage.keyboard.press("Escape");
  await stage.waitForURL(new RegExp(`/m/${token}$`));
  await expect(banner).toHaveCount(0);
  await expect.poll(() => shownOnCanvas(student)).toEqual(["c", "r1", "s1", "s2"]);

  // Reset to the default order is one more op.
  await stage.getByTestId("path-open").click();
  await stage.getByTestId("path-reset").click();
  await expect.poll(() => pathOrder(stage)).toEqual(["c", "s1", "s2", "r1"]);
  await expectSaved(stage);
  expect((await fetchMap(request, token)).map.presentation).toBeNull();

  await teacherContext.close();
  await studentContext.close();
});

test("only the owner leads: an editor who presents does so privately, and the owner's editor does not follow", async ({ browser, request }) => {
  const { token, links } = await seedDebate(request);
  const ownerContext = await browser.newContext();
  const editorContext = await browser.newContext();
  const owner = await personNamed(ownerContext, PRESENTER);
  const editor = await personNamed(editorContext, "Eve");
  await owner.goto(`/m/${token}`);
  await waitForEditor(owner, 4);

  // The editor's stage works as usual...
  await editor.goto(`/m/${tokenOf(links.edit)}/present`);
  await expectStep(editor, 0, 4, ["c"]);
  await editor.keyboard.press("ArrowRight");
  await expectStep(editor, 1, 4, ["c", "s1"]);
  // ...and is in the room (its presence reached the owner, step and all, had it been relayed)...
  await expect(owner.locator('[data-testid="presence-peer"][data-name="Eve"]')).toHaveCount(1);
  // ...but nobody follows it: only the owner leads.
  await expect(owner.getByTestId("follow-banner")).toHaveCount(0);
  await expect.poll(() => shownOnCanvas(owner)).toEqual(["c", "r1", "s1", "s2"]);
  await ownerContext.close();
  await editorContext.close();
});

test("a view link can present too: skipped nodes stay hidden, and reduced motion jumps instead of gliding", async ({ page, request }) => {
  const { token, links } = await seedDebate(request);
  await postOps(request, token, [
    { type: "updateMap", patch: { presentation: { steps: [{ id: "one", nodeIds: ["c"], notes: "" }, { id: "two", nodeIds: ["s1", "r1"], notes: "" }] } } },
  ]);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`/m/${tokenOf(links.view)}/present`);
  await expectStep(page, 0, 2, ["c"]);

  const viewport = () => page.locator(".react-flow__viewport").evaluate((element) => (element as HTMLElement).style.transform);
  const nextFrames = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  const before = await viewport();
  await page.getByTestId("present-next").click();
  await expectStep(page, 1, 2, ["c", "r1", "s1"]);
  await expect.poll(viewport).not.toBe(before);
  const moved = await viewport();
  await nextFrames();
  expect(await viewport()).toBe(moved);
  // s2 is not in the path: it is never revealed.
  await expect(page.locator('[data-testid="present-node"][data-id="s2"]')).toHaveAttribute("data-revealed", "false");
  await expect(page.locator('[data-testid="present-node"][data-id="s2"]')).toBeHidden();

  // Esc goes back to the map, here the read-only view.
  await page.keyboard.press("Escape");
  await page.waitForURL(new RegExp(`/m/${tokenOf(links.view)}$`));
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "view");
  await expect(page.getByTestId("path-open")).toHaveCount(0);
});

test("the path editor, the follow banner and the presenter window pass axe in both themes", async ({ browser, request }) => {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const { token, links } = await seedDebate(request);
  await postOps(request, token, [{ type: "updateMap", patch: { presentation: { steps: [{ id: "one", nodeIds: ["c"], notes: "Open with a question" }, { id: "two", nodeIds: ["s1", "r1"], notes: "" }] } } }]);
  const serious = async (page: Page, scope?: string) => {
    const builder = new AxeBuilder({ page });
    const results = await (scope ? builder.include(scope) : builder).analyze();
    return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.nodes.map((found) => found.target.join(" ")).join(", ")}`);
  };
  for (const colorScheme of ["light", "dark"] as const) {
    const teacherContext = await browser.newContext({ colorScheme, reducedMotion: "reduce" });
    const studentContext = await browser.newContext({ colorScheme, reducedMotion: "reduce" });
    const teacher = await personNamed(teacherContext, PRESENTER);
    const student = await personNamed(studentContext, "Sam");

    await teacher.goto(`/m/${token}`);
    await waitForEditor(teacher, 4);
    await teacher.getByTestId("path-open").click();
    await expect(teacher.getByTestId("path-skipped")).toContainText("Family time matters");
    expect(await serious(teacher, '[data-testid="path-panel"]')).toEqual([]);

    await student.goto(links.view);
    await waitForEditor(student, 4);
    await teacher.getByTestId("present-button").click();
    await expect(teacher.getByTestId("present-stage")).toBeVisible();
    await expect(student.getByTestId("follow-banner")).toHaveAttribute("data-following", "true");
    expect(await serious(student, '[data-testid="follow-banner"]')).toEqual([]);
    await student.getByTestId("follow-stop").click();
    expect(await serious(student, '[data-testid="follow-banner"]')).toEqual([]);

    const [presenter] = await Promise.all([teacherContext.waitForEvent("page"), teacher.getByTestId("present-open-presenter").click()]);
    await expect(presenter.getByTestId("presenter-notes")).toHaveText("Open with a question");
    expect(await serious(presenter)).toEqual([]);

    await teacherContext.close();
    await studentContext.close();
  }
});
