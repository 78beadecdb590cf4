/**
 * Reading sources and quoting from them: open a source from a node, select words in the reader,
 * make a rebuttal from them, see its passage marked, jump to another node's quote, and see a quote
 * flagged once the source's text no longer holds it. The source text is the test's own.
 */
import { expect, fetchMap, fitWholeMap, nodeById, test, waitForEditor } from "./support/editor";
import { ARTICLE, characterPoint, CLOSING, dragSelect, ENGINEER, keyboardSelect, marksOf, reader, readerInput, readerMap, readerSelection, RESIDENT, tabTo } from "./support/reader";

test("a user reads a source, makes a rebuttal from its words, jumps to another quote, and sees a quote flagged after an edit", async ({ page, request }) => {
  const { token } = await readerMap(request);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 3);

  // Open the source from a node's source chip: the reader shows its details and text, with every quoted passage marked.
  await nodeById(page, "doubt").getByTestId("node-source").click();
  await expect(reader(page)).toBeVisible();
  await expect(page.getByTestId("reader-title")).toHaveText("Council minutes");
  await expect(reader(page)).toContainText("Harbour Gazette · Lee Park · 2026-03-10");
  await expect(page.getByTestId("reader-original")).toHaveAttribute("href", "https://example.org/minutes");
  await expect(readerInput(page)).toHaveValue(ARTICLE);
  await expect(marksOf(page, "doubt")).toHaveText([RESIDENT]);
  await expect(marksOf(page, "later")).toHaveText([CLOSING]);

  // Select the claim on the map (wholly in view once fitted: the canvas is narrower beside the
  // reader), then the engineer's words in the text, and make a rebuttal of them.
  await fitWholeMap(page);
  await nodeById(page, "claim").click();
  await expect(nodeById(page, "claim")).toHaveAttribute("data-selected", "true");
  await readerInput(page).evaluate((input) => input.closest(".reader__body")!.scrollTo(0, 0));
  await dragSelect(page, ENGINEER);
  expect(await readerSelection(page)).toBe(ENGINEER);
  await expect(page.getByTestId("quote-speaker")).toHaveValue("Mira Okafor");
  await page.getByTestId("quote-new-rebuttal").click();

  // The rebuttal quotes exactly those words, answers the claim, and the reader marks its passage.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  const map = await fetchMap(request, token);
  const made = map.nodes.find((candidate) => !["claim", "doubt", "later"].includes(candidate.id))!;
  expect(made).toMatchObject({ kind: "rebuttal", quote: ENGINEER, speaker: "Mira Okafor", sourceId: "minutes" });
  expect(made.quotePrefix).toBe(ARTICLE.slice(ARTICLE.indexOf(ENGINEER) - 32, ARTICLE.indexOf(ENGINEER)));
  expect(map.edges).toContainEqual({ id: expect.any(String), from: made.id, to: "claim", relation: "rebuts" });
  await expect(marksOf(page, made.id)).toHaveText([ENGINEER]);
  await expect(nodeById(page, made.id)).toBeVisible();

  // Hovering a mark shows the node quoting it.
  const start = await characterPoint(page, ARTICLE.indexOf(ENGINEER) + 3, "left");
  await page.mouse.move(start.x, start.y);
  await expect(page.getByTestId("reader-tip")).toContainText("Rebuttal by Mira Okafor");

  // Clicking the quote of another node scrolls the reader to its passage and highlights it.
  await expect(marksOf(page, "later")).not.toBeInViewport();
  await page.locator(".react-flow__controls-fitview").click(); // the canvas is narrower beside the reader
  await nodeById(page, "later").getByTestId("node-quote").click();
  await expect(marksOf(page, "later")).toHaveAttribute("data-current", "true");
  await expect(marksOf(page, "later")).toBeInViewport();

  // Edit the source so the resident's words are no longer there: the reader and the node say so.
  await page.getByTestId("reader-edit").click();
  await page.getByTestId("field-source-text").fill(ARTICLE.replace(RESIDENT, "We saw no maps at all"));
  await page.getByTestId("source-form-save").click();
  await expect(page.getByTestId("reader-flagged")).toContainText("1 quote from this source is not found in its text");
  await expect(page.locator('[data-testid="reader-passage"][data-node-id="doubt"]')).toContainText("Quote not found in source");
  await expect(nodeById(page, "doubt").getByTestId("node-quote")).toHaveAttribute("data-flagged", "true");
  await expect(nodeById(page, "doubt").getByTestId("node-quote")).toHaveText("Quote not found");
  await nodeById(page, "doubt").click();
  await expect(page.getByTestId("quote-check")).toContainText("Quote not found in source");
  await page.getByTestId("reader-close").click();
  await expect(reader(page)).toHaveCount(0);
  await page.goto(`/m/${token}?view=outline`);
  await expect(page.locator('[data-testid="outline-item"][data-id="doubt"]').getByTestId("quote-flag")).toContainText("Quote not found in source");
  await expect(page.locator('[data-testid="outline-item"][data-id="later"]').getByTestId("quote-flag")).toHaveCount(0);

  // In the outline, a quote opens the reader at its passage.
  await page.locator('[data-testid="outline-item"][data-id="later"]').getByTestId("outline-quote").click();
  await expect(marksOf(page, "later")).toHaveAttribute("data-current", "true");
  await expect(marksOf(page, "later")).toBeInViewport();
});

test("a view link reads sources and their marked quotes, but cannot quote from them or edit them", async ({ page, request }) => {
  const { view } = await readerMap(request);
  await page.goto(`/m/${view}`);
  await waitForEditor(page, 3);
  await page.getByTestId("source-read").click();
  await expect(readerInput(page)).toBeFocused();
  await expect(marksOf(page, "doubt")).toHaveText([RESIDENT]);
  await expect(page.getByTestId("reader-edit")).toHaveCount(0);
  await keyboardSelect(page, ENGINEER);
  expect(await readerSelection(page)).toBe(ENGINEER);
  await expect(page.getByTestId("quote-commands")).toHaveCount(0);
  // A quote in the list selects the node that quotes it.
  await page.locator('[data-testid="reader-passage"][data-node-id="doubt"]').click();
  await expect(page.getByTestId("panel-node")).toHaveAttribute("data-id", "doubt");
});

test("a keyboard user does the same without a mouse", async ({ page, request }) => {
  const { token } = await readerMap(request);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 3);

  // Tab to the resident's rebuttal, select it (Enter selects and opens its text, Esc closes the text), and Q reads its source at its quote.
  const doubt = page.locator('.react-flow__node[data-id="doubt"]');
  await tabTo(page, doubt);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(doubt).toBeFocused();
  await expect(page.getByTestId("side-panel")).toHaveAttribute("data-mode", "node");
  await page.keyboard.press("q");
  await expect(readerInput(page)).toBeFocused();
  await expect(marksOf(page, "doubt")).toHaveAttribute("data-current", "true");
  await expect(marksOf(page, "doubt")).toBeInViewport();
  // The caret starts at the quote, and there it says which node quotes it.
  await expect(page.getByTestId("reader-caret-status")).toHaveText("Quoted by Rebuttal by Tomas Reyes: Residents have not seen the evidence");

  // The text cannot be changed from the reader: keys that would type or delete do nothing.
  await page.keyboard.type("xy");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Control+x");
  await expect(readerInput(page)).toHaveValue(ARTICLE);

  // Shift+arrows select the engineer's words; Enter goes to the commands; New rebuttal answers the selected node.
  await keyboardSelect(page, ENGINEER);
  expect(await readerSelection(page)).toBe(ENGINEER);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quote-new-claim")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("quote-new-rebuttal")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(readerInput(page)).toBeFocused();
  await expect(page.getByTestId("reader-status")).toContainText("Rebuttal added");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  const map = await fetchMap(request, token);
  const made = map.nodes.find((candidate) => !["claim", "doubt", "later"].includes(candidate.id))!;
  expect(made).toMatchObject({ kind: "rebuttal", quote: ENGINEER, speaker: "Mira Okafor", sourceId: "minutes" });
  expect(map.edges).toContainEqual({ id: expect.any(String), from: made.id, to: "doubt", relation: "rebuts" });
  await expect(marksOf(page, made.id)).toHaveText([ENGINEER]);

  // The list of quotes takes the keyboard to another node's passage: scrolled to and highlighted.
  await expect(marksOf(page, "later")).not.toBeInViewport();
  const laterInList = page.locator('[data-testid="reader-passage"][data-node-id="later"]');
  await tabTo(page, laterInList);
  await page.keyboard.press("Enter");
  await expect(marksOf(page, "later")).toHaveAttribute("data-current", "true");
  await expect(marksOf(page, "later")).toBeInViewport();
  await expect(readerInput(page)).toBeFocused();

  // Esc closes the reader and gives the focus back; Q on another node opens it at that node's quote.
  await page.keyboard.press("Escape");
  await expect(reader(page)).toHaveCount(0);
  await expect(doubt).toBeFocused();
  const later = page.locator('.react-flow__node[data-id="later"]');
  await tabTo(page, later, { backwards: true });
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.press("q");
  await expect(marksOf(page, "later")).toHaveAttribute("data-current", "true");
  await expect(marksOf(page, "later")).toBeInViewport();

  // Edit the source's text from the keyboard so the resident's words are gone: the quote is flagged.
  await tabTo(page, page.getByTestId("reader-edit"), { backwards: true });
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByTestId("field-source-text"));
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(ARTICLE.replace(RESIDENT, "We saw no maps at all"));
  await tabTo(page, page.getByTestId("source-form-save"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("reader-flagged")).toContainText("1 quote from this source is not found in its text");
  const doubtInList = page.locator('[data-testid="reader-passage"][data-node-id="doubt"]');
  await expect(doubtInList).toContainText("Quote not found in source");
  await tabTo(page, doubtInList);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quote-check")).toContainText("Quote not found in source");
  await expect(nodeById(page, "doubt").getByTestId("node-quote")).toHaveAttribute("data-flagged", "true");
  await expect(page.locator('.react-flow__node[data-id="doubt"]')).toHaveAttribute("aria-label", /Its quote is not found in its source/);
});
