/**
 * Running a class: the teacher projects the map and a join code, two students join on phones by
 * typing it (one as an editor, one as a viewer), the editor adds a rebuttal by touch, cannot take
 * over the room until the teacher allows it, the teacher takes the lead back and brings everyone
 * to their step, the phones follow as readable cards and react, and the presenter window shows
 * the room's tally and questions. axe checks the join screen, the phone's cards and the presenter
 * window. With ARGUMAP_SCREENSHOTS=docs it also refreshes the README's screenshots.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page, TestInfo } from "@playwright/test";
import { measureLegibility, waitForViewToSettle } from "./support/legibility";
import { createMapViaApi, expect, fetchMap, node, nodeById, postOps, test, tokenOf, waitForEditor } from "./support/editor";

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;

async function seedClass(request: Parameters<typeof createMapViaApi>[0]) {
  const map = await createMapViaApi(request, "Should phones be allowed in class?");
  await postOps(request, map.token, [
    { type: "addSource", source: { id: "survey", title: "Pupil survey 2026", publisher: "", author: "", date: "", url: "", text: "" } },
    { type: "addNode", node: node("c", "claim", "Phones should be allowed in class", 0, 0) },
    { type: "addNode", node: { ...node("s", "support", "Pupils can look things up at once", -320, 260), speaker: "Ana, year 9", sourceId: "survey", quote: "I check facts the moment the teacher mentions them" } },
    { type: "addNode", node: { ...node("r", "rebuttal", "Notifications break concentration", 320, 260), speaker: "Mr Osei", quote: "Every buzz costs a pupil minutes of focus" } },
    { type: "addEdge", edge: { id: "e1", from: "s", to: "c", relation: "supports" } },
    { type: "addEdge", edge: { id: "e2", from: "r", to: "c", relation: "rebuts" } },
  ]);
  return map;
}

async function serious(page: Page, scope?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (scope ? builder.include(scope) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((found) => found.target.join(" ")).join(", ")}`);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = process.env.ARGUMAP_SCREENSHOTS === "docs" ? `docs/${name}.png` : testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** The owner makes a join code from the Room dialog; the join screen shows it. */
async function showJoinCode(teacher: Page, role: "view" | "edit"): Promise<string> {
  await teacher.getByTestId("room-button").click();
  await teacher.getByTestId(`join-role-${role}`).check();
  await teacher.getByTestId("join-code-create").click();
  const code = await teacher.getByTestId("join-screen-code").getAttribute("data-code");
  expect(code).toMatch(/^[2-9A-Z]{6}$/);
  return code!;
}

/** A phone that has never been here: types the code and its name at /join. */
async function joinByTyping(browser: Browser, code: string, name: string): Promise<{ context: BrowserContext; phone: Page }> {
  const context = await browser.newContext({ ...PHONE, reducedMotion: "reduce" });
  const phone = await context.newPage();
  await phone.goto("/join");
  await phone.getByTestId("join-code").tap();
  await phone.keyboard.type(`${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase());
  await phone.getByTestId("join-name").tap();
  await phone.keyboard.type(name);
  await phone.getByTestId("join-submit").tap();
  await phone.waitForURL(/\/m\/[A-Za-z0-9_-]{43}$/);
  await waitForEditor(phone);
  // The name was asked once, at /join: the map does not ask again.
  await expect(phone.getByTestId("name-dialog")).not.toBeVisible();
  return { context, phone };
}

/** Every piece of text in the element is at least `min` CSS pixels. */
const smallestText = (page: Page, selector: string) =>
  page.locator(selector).evaluate((root) => {
    let smallest = Infinity;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const element = text.parentElement;
      if (!element || !text.textContent?.trim() || element.closest(".visually-hidden")) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
    }
    return smallest;
  });

const viewportOf = (page: Page) => page.locator(".react-flow__viewport").getAttribute("style");

test("a class joins by code on phones; the owner decides who leads, brings everyone to their step, and sees the room react", async ({ browser, page: teacher, request }, testInfo) => {
  test.setTimeout(180_000);
  const { token, links } = await seedClass(request);
  await teacher.setViewportSize({ width: 1400, height: 900 });
  await teacher.addInitScript(() => window.localStorage.setItem("argumap:name", "Ms Rivera"));
  await teacher.goto(`/m/${token}`);
  await waitForEditor(teacher, 3);

  // --- The projector's join screen: a big QR code and a short code, for editors ---
  const editCode = await showJoinCode(teacher, "edit");
  await expect(teacher.getByTestId("join-screen")).toContainText("join as an editor");
  await expect(teacher.getByTestId("share-qr")).toHaveAttribute("data-value", new RegExp(`/join\\?code=${editCode.slice(0, 3)}-${editCode.slice(3)}$`));
  expect(await serious(teacher, '[data-testid="join-screen"]')).toEqual([]);
  await screenshot(teacher, testInfo, "classroom-join-screen");
  await teacher.getByTestId("join-screen-close").click();
  const viewCode = await showJoinCode(teacher, "view");
  await teacher.getByTestId("join-screen-close").click();

  // --- Two phones join by typing the code ---
  const wrong = await browser.newContext(PHONE);
  const stranger = await wrong.newPage();
  await stranger.goto("/join");
  await stranger.getByTestId("join-code").fill("ABC-DEF");
  await stranger.getByTestId("join-name").fill("Nobody");
  await stranger.getByTestId("join-submit").tap();
  await expect(stranger.getByTestId("join-problem")).toContainText("expired or been closed");
  await wrong.close();

  const { context: editorContext, phone: editor } = await joinByTyping(browser, editCode, "Eddie");
  const { context: viewerContext, phone: viewer } = await joinByTyping(browser, viewCode, "Vera");
  expect(tokenOf(editor.url())).toBe(tokenOf(links.edit));
  expect(tokenOf(viewer.url())).toBe(tokenOf(links.view));
  await expect(editor.getByTestId("role-badge")).toHaveAttribute("data-role", "edit");
  await expect(viewer.getByTestId("role-badge")).toHaveAttribute("data-role", "view");

  // The phone opens the map readable: node text at least 14 px on screen, the claim in view.
  await waitForViewToSettle(editor);
  const opening = await measureLegibility(editor, "c");
  expect(opening.smallestBodyText).toBeGreaterThanOrEqual(14);
  expect(opening.mainClaimInView).toBe(1);

  // --- The editor adds a rebuttal to the claim by touch ---
  await nodeById(editor, "c").tap();
  await editor.getByTestId("toolbar-addRebuttalTo").tap();
  await expect(editor.getByTestId("node-text-input")).toBeFocused();
  await editor.keyboard.type("Phones are a distraction for the whole row");
  await editor.keyboard.press("Enter");
  await expect
    .poll(async () => {
      const map = await fetchMap(request, token);
      const added = map.nodes.find((entry) => entry.text === "Phones are a distraction for the whole row");
      return added && added.kind === "rebuttal" && map.edges.some((edge) => edge.from === added.id && edge.to === "c" && edge.relation === "rebuts");
    })
    .toBe(true);

  // Every header action is reachable on the phone, through the More menu.
  await editor.getByTestId("header-more").tap();
  for (const action of ["path-open", "present-button", "export-menu-button"]) await expect(editor.getByTestId(action)).toBeInViewport();

  // --- An editor presses Present: it stays on their phone, and the owner's view does not move ---
  const teacherView = await viewportOf(teacher);
  await editor.getByTestId("present-button").tap();
  await expect(editor.getByTestId("lead-status")).toHaveAttribute("data-status", "private");
  await expect(editor.getByTestId("lead-status")).toContainText("Only the map's owner presents to everyone");
  await expect(teacher.getByTestId("follow-banner")).toHaveCount(0);
  await expect(viewer.getByTestId("follow-cards")).toHaveCount(0);
  expect(await viewportOf(teacher)).toBe(teacherView);

  // --- The owner lets editors lead: now it works ---
  await teacher.getByTestId("room-button").click();
  await teacher.getByTestId("room-editors-lead").check();
  await teacher.getByTestId("room-close").click();
  await editor.getByTestId("lead-take").tap();
  await expect(editor.getByTestId("lead-status")).toHaveAttribute("data-status", "leading");
  await expect(teacher.getByTestId("follow-banner")).toContainText("Following Eddie");
  await expect(viewer.getByTestId("follow-cards")).toContainText("Following Eddie");

  // --- The owner sees who leads and stops it ---
  await teacher.getByTestId("lead-stop").click();
  await expect(editor.getByTestId("lead-status")).toHaveAttribute("data-status", "private");
  await expect(editor.getByTestId("lead-status")).toContainText("owner stopped your presentation to everyone");
  await expect(teacher.getByTestId("follow-banner")).toHaveCount(0);
  await editor.getByTestId("present-exit").tap();
  await waitForEditor(editor);

  // --- The owner presents; both phones follow as cards in their own type size ---
  await teacher.getByTestId("present-button").click();
  const stage = teacher;
  await expect(stage.getByTestId("lead-status")).toHaveAttribute("data-status", "leading");
  for (const phone of [viewer, editor]) await expect(phone.getByTestId("follow-cards")).toHaveAttribute("data-step", "0");
  await expect(viewer.getByTestId("step-card")).toContainText("Phones should be allowed in class");
  await stage.getByTestId("present-next").click();
  await expect(viewer.getByTestId("follow-cards")).toHaveAttribute("data-step", "1");
  const card = viewer.getByTestId("step-card");
  await expect(card).toContainText("Pupils can look things up at once");
  await expect(card).toContainText("Ana, year 9");
  await expect(card).toContainText("I check facts the moment the teacher mentions them");
  await expect(card).toContainText("Supports: Phones should be allowed in class");
  expect(await smallestText(viewer, '[data-testid="follow-cards"]')).toBeGreaterThanOrEqual(14);
  expect(await serious(viewer, '[data-testid="follow-cards"]')).toEqual([]);

  // A glance at the whole map, and back.
  await viewer.getByTestId("follow-glance").tap();
  await expect(viewer.getByTestId("follow-cards")).toHaveCount(0);
  await expect(viewer.getByTestId("map-canvas")).toBeVisible();
  await viewer.getByTestId("follow-cards-back").tap();
  await expect(viewer.getByTestId("follow-cards")).toBeVisible();

  // --- Both phones break away; "Bring everyone here" brings them back to the teacher's step ---
  for (const phone of [viewer, editor]) {
    await phone.getByTestId("follow-stop").tap();
    await expect(phone.getByTestId("follow-cards")).toHaveCount(0);
  }
  await stage.getByTestId("present-next").click();
  await stage.getByTestId("lead-summon").click();
  for (const phone of [viewer, editor]) await expect(phone.getByTestId("follow-cards")).toHaveAttribute("data-step", "2");

  // --- The phones react; the presenter window shows the tally and the question ---
  const [presenter] = await Promise.all([teacher.context().waitForEvent("page"), stage.getByTestId("present-open-presenter").click()]);
  await expect(presenter.getByTestId("presenter-room")).toContainText("Ms Rivera leads");
  await viewer.getByTestId("react-agree").tap();
  await editor.getByTestId("react-disagree").tap();
  await viewer.getByTestId("hand-raise").tap();
  await viewer.getByTestId("hand-question").fill("What about calculators?");
  await viewer.getByTestId("hand-send").tap();
  const tally = presenter.getByTestId("presenter-room").getByTestId("tally");
  await expect(tally).toHaveAttribute("data-agree", "1");
  await expect(tally).toHaveAttribute("data-disagree", "1");
  await expect(presenter.getByTestId("hand-queue")).toContainText("Vera");
  await expect(presenter.getByTestId("hand-queue")).toContainText("What about calculators?");
  // A vote is changeable and counts once.
  await viewer.getByTestId("react-unsure").tap();
  await expect(tally).toHaveAttribute("data-agree", "0");
  await expect(tally).toHaveAttribute("data-unsure", "1");
  expect(await serious(presenter)).toEqual([]);

  // Results stay hidden from the room until the presenter shows them.
  await expect(viewer.getByTestId("reactions").getByTestId("tally")).toHaveCount(0);
  await presenter.getByTestId("reveal-toggle").click();
  await expect(viewer.getByTestId("reactions").getByTestId("tally")).toHaveAttribute("data-unsure", "1");
  await screenshot(viewer, testInfo, "classroom-phone");

  const csv = await (await teacher.request.get(`/api/maps/${token}/results?session=latest&format=csv`)).text();
  expect(csv).toContain("step,3,0,1,1,2,yes");
  expect(csv).toContain("What about calculators?");

  await editorContext.close();
  await viewerContext.close();
});

test("a scanned QR code with a name already saved joins at once; Bring everyone to me moves the phone to the owner's view; a stopped code says so", async ({ browser, page: teacher, request }) => {
  const { token, links } = await seedClass(request);
  await teacher.goto(`/m/${token}`);
  await waitForEditor(teacher, 3);
  const code = await showJoinCode(teacher, "view");
  const url = await teacher.getByTestId("share-qr").getAttribute("data-value");

  const context = await browser.newContext(PHONE);
  await context.addInitScript(() => window.localStorage.setItem("argumap:name", "Returning pupil"));
  const phone = await context.newPage();
  await phone.goto(new URL(url!).pathname + new URL(url!).search);
  await phone.waitForURL(new RegExp(`/m/${tokenOf(links.view)}$`));
  await waitForEditor(phone, 3);

  await teacher.getByTestId("join-screen-stop").click();
  await expect(teacher.getByTestId("join-screen")).toContainText("This code has been stopped");
  await teacher.getByTestId("join-screen-close").click();

  // "Bring everyone to me" from the map: the phone's view goes to what the owner sees.
  await expect(nodeById(phone, "r")).toBeInViewport();
  const support = await nodeById(teacher, "s").boundingBox();
  await teacher.mouse.move(support!.x + support!.width / 2, support!.y + support!.height / 2);
  for (let notch = 0; notch < 6; notch++) await teacher.mouse.wheel(0, -300);
  await expect(nodeById(teacher, "r")).not.toBeInViewport();
  await teacher.getByTestId("room-button").click();
  await teacher.getByTestId("room-summon").click();
  await expect(nodeById(phone, "r")).not.toBeInViewport();
  await expect(nodeById(phone, "s")).toBeInViewport({ ratio: 0.5 });

  const joinAgain = await context.newPage();
  await joinAgain.goto(`/join?code=${code}`);
  await expect(joinAgain.getByTestId("join-problem")).toContainText("expired or been closed");
  await context.close();
});
