/**
 * Every version is recoverable: a node's history in the side panel with Restore on any version,
 * "Recently deleted" bringing nodes back with their links, and who did what (hover, side panel,
 * Contributions), read by a view link too.
 */
import { createMapViaApi, edgeLabels, expect, expectSaved, node, nodeById, postOps, test, waitForEditor } from "./support/editor";
import { expectAccessible, historyTexts, joinedPeople, nodeText, openAs, openText, textInput } from "./support/people";

test.describe("history", () => {
  const join = joinedPeople(test);

  test("a node's versions, restore any of them (undoably), bring back a deleted node with its links, and see who did what", async ({ browser, baseURL, request }) => {
    const { token, links } = await createMapViaApi(request, "History");
    await postOps(request, token, [
      { type: "addNode", node: node("claim", "claim", "Libraries matter", 0, 0) },
      { type: "addNode", node: node("reason", "support", "They lend books", 0, 260) },
      { type: "addEdge", edge: { id: "link", from: "reason", to: "claim", relation: "supports" } },
    ]);
    const ada = await join(browser, baseURL!, `/m/${token}`, "Ada");
    const ben = await join(browser, baseURL!, `/m/${token}`, "Ben");
    const vic = await join(browser, baseURL!, links.view, "Vic");
    for (const person of [ada, ben, vic]) await waitForEditor(person.page, 2);

    for (const [person, text] of [
      [ada, "They lend books and films"],
      [ben, "They lend books, films and tools"],
    ] as const) {
      await openText(person.page, "reason");
      await textInput(person.page, "reason").fill(text);
      await textInput(person.page, "reason").press("Enter");
      await expectSaved(person.page);
      await expect(nodeText(ada.page, "reason")).toHaveText(text);
    }

    // The side panel: who made it and who changed it last, and every version.
    const a = ada.page;
    await nodeText(a, "reason").click();
    await expect(a.getByTestId("node-attribution")).toContainText("last changed by Ben");
    await a.getByTestId("history-toggle").click();
    const versions = a.getByTestId("history-version");
    await expect(versions).toHaveCount(3);
    await expect(versions.getByTestId("history-version-text")).toHaveText(["They lend books, films and tools", "They lend books and films", "They lend books"]);
    await expect(versions.nth(1)).toContainText("Ada changed the text");
    await expectAccessible(a);

    // Restore the first version: an ordinary change, seen by everyone, that undo takes back.
    await versions.nth(2).getByTestId("history-restore").click();
    await expect(nodeText(ben.page, "reason")).toHaveText("They lend books");
    await expect(versions).toHaveCount(4);
    await nodeById(a, "reason").click();
    await a.keyboard.press("Control+z");
    await expect(nodeText(ben.page, "reason")).toHaveText("They lend books, films and tools");

    // Delete it, then bring it back from Recently deleted: its link comes with it.
    await nodeText(ben.page, "reason").click();
    await ben.page.keyboard.press("Delete");
    await expect(nodeById(a, "reason")).toHaveCount(0);
    await expect(edgeLabels(a)).toHaveCount(0);
    await expect(a.getByTestId("side-panel")).toHaveAttribute("data-mode", "map");
    await a.getByTestId("recently-deleted-toggle").click();
    const deleted = a.locator('[data-testid="deleted-item"][data-id="reason"]');
    await expect(deleted).toContainText("deleted by Ben");
    await expect(deleted).toContainText("1 link");
    await deleted.getByTestId("deleted-restore").click();
    for (const page of [a, ben.page, vic.page]) {
      await expect(nodeText(page, "reason")).toHaveText("They lend books, films and tools");
      await expect(edgeLabels(page)).toHaveCount(1);
    }

    // Who did what, for a teacher: per person, what they added, changed and deleted.
    await a.keyboard.press("Escape");
    await a.getByTestId("contributions-toggle").click();
    await expect(a.locator('[data-testid="contribution"][data-name="Ben"]').getByTestId("contribution-counts")).toHaveText("added 0 · changed 1 · deleted 1");
    await expect(a.locator('[data-testid="contribution"][data-name="Ada"]').getByTestId("contribution-counts")).toHaveText("added 1 · changed 1 · deleted 0");

    // Hovering a node says who made it and who changed it last.
    await nodeText(ben.page, "claim").hover();
    await nodeById(ben.page, "reason").hover();
    await expect(nodeById(ben.page, "reason")).toHaveAttribute("title", /Created by .* · last changed by Ada/);

    // A view link reads the history but cannot restore.
    const v = vic.page;
    await nodeText(v, "reason").click();
    await v.getByTestId("history-toggle").click();
    await expect(v.getByTestId("history-version").first()).toContainText("They lend books, films and tools");
    await expect(v.getByTestId("history-restore")).toHaveCount(0);
    expect(await historyTexts(v, token, "reason")).toEqual([
      "They lend books",
      "They lend books and films",
      "They lend books, films and tools",
      "They lend books",
      "They lend books, films and tools",
      null,
      "They lend books, films and tools",
    ]);
  });
});

test.describe("on a 390×844 phone, by keyboard", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("a node's history opens and restores from the keyboard, with the focus visible; deleting what someone types in starts on Cancel", async ({ page, browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "History on a phone");
    await postOps(request, token, [
      { type: "addNode", node: node("reason", "support", "Buses are cheap", 0, 0) },
      { type: "updateNode", id: "reason", patch: { text: "Buses are cheap and frequent" } },
    ]);
    await page.goto(`/m/${token}`);
    await waitForEditor(page, 1);
    await nodeText(page, "reason").tap();
    const toggle = page.getByTestId("history-toggle");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("history-version")).toHaveCount(2);
    // Tab on to the older version's Restore: it is in view and its focus ring shows.
    const restore = page.getByTestId("history-restore");
    await expect(restore).toHaveCount(1);
    for (let step = 0; step < 6 && !(await restore.evaluate((button) => button === document.activeElement)); step++) await page.keyboard.press("Tab");
    await expect(restore).toBeFocused();
    await expect(restore).toBeInViewport();
    expect(await restore.evaluate((button) => getComputedStyle(button).outlineStyle)).not.toBe("none");
    await expectAccessible(page);
    await page.keyboard.press("Enter");
    await expect(nodeText(page, "reason")).toHaveText("Buses are cheap");
    await expectSaved(page);

    // Someone types in it; the question about deleting it starts on Cancel, so a second Delete or Enter destroys nothing.
    const finn = await openAs(browser, baseURL!, `/m/${token}`, "Finn");
    try {
      await waitForEditor(finn.page, 1);
      await openText(finn.page, "reason");
      await expect(nodeById(page, "reason").locator('[data-testid="editing-badge"][data-name="Finn"]')).toBeVisible();
      await nodeText(page, "reason").tap();
      await page.getByTestId("panel-delete").click();
      await expect(page.getByTestId("ask-dialog")).toBeVisible();
      await expect(page.getByTestId("ask-cancel")).toBeFocused();
      await expect(page.getByTestId("ask-confirm")).toBeInViewport();
      await expectAccessible(page);
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("ask-dialog")).toHaveCount(0);
      await expect(nodeById(finn.page, "reason")).toHaveCount(1);
    } finally {
      await finn.context.close();
    }
  });
});
