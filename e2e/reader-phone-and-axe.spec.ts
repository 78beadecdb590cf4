/**
 * The source reader on a phone (it takes the screen, and everything in it is usable there) and
 * under axe in both themes, with quotes marked, one flagged, and the quote commands showing.
 */
import { expect, fetchMap, nodeById, postOps, test, waitForEditor } from "./support/editor";
import { expectNoSeriousViolations } from "./support/axe";
import { ARTICLE, dragSelect, ENGINEER, marksOf, reader, readerInput, readerMap, readerSelection } from "./support/reader";

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the reader takes the screen; words become a support; closing shows the map again", async ({ page, request }) => {
    const { token } = await readerMap(request);
    await page.goto(`/m/${token}`);
    await waitForEditor(page, 3);
    await page.locator(".react-flow__controls-fitview").click();

    await nodeById(page, "claim").click();
    await nodeById(page, "doubt").getByTestId("node-source").click();
    await expect(reader(page)).toBeVisible();
    expect(await reader(page).boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });

    await readerInput(page).evaluate((input) => input.closest(".reader__body")!.scrollTo(0, 0));
    await dragSelect(page, ENGINEER);
    expect(await readerSelection(page)).toBe(ENGINEER);
    const support = page.getByTestId("quote-new-support");
    await expect(support).toBeInViewport({ ratio: 1 });
    // A phone's text field is large enough to read: at least 14 px.
    expect(await readerInput(page).evaluate((input) => parseFloat(getComputedStyle(input).fontSize))).toBeGreaterThanOrEqual(14);
    await support.click();
    await expect(page.getByTestId("reader-status")).toContainText("Support added");
    await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
    const made = (await fetchMap(request, token)).nodes.find((candidate) => candidate.quote === ENGINEER);
    expect(made).toMatchObject({ kind: "support", speaker: "Mira Okafor" });
    await expect(marksOf(page, made!.id)).toHaveText([ENGINEER]);

    await page.getByTestId("reader-close").click();
    await expect(reader(page)).toHaveCount(0);
    await expect(nodeById(page, made!.id)).toBeVisible();
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the reader has no serious or critical accessibility violations (${colorScheme} theme)`, async ({ page, request }) => {
    const { token } = await readerMap(request, `Reader in the ${colorScheme} theme`);
    // One quote the text no longer holds, so the flags are checked too.
    await postOps(request, token, [{ type: "updateSource", id: "minutes", patch: { text: ARTICLE.replace("Nobody has shown", "Nobody showed") } }]);
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await page.goto(`/m/${token}`);
    await waitForEditor(page, 3);
    await nodeById(page, "later").getByTestId("node-quote").click();
    await expect(marksOf(page, "later")).toHaveAttribute("data-current", "true");
    await expect(page.getByTestId("reader-flagged")).toBeVisible();
    await readerInput(page).evaluate((input) => input.closest(".reader__body")!.scrollTo(0, 0));
    await dragSelect(page, ENGINEER);
    await expect(page.getByTestId("quote-commands")).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}
