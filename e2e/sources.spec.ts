/**
 * Reading sources and quoting from them: open a source from a node, select words in the reader,
 * make a rebuttal from them, see its passage marked, jump to another node's quote, and see a quote
 * flagged once the source's text no longer holds it. The source text is the test's own.
 */
import { expect, fetchMap, nodeById, test, waitForEditor } from "./support/editor";
import { ARTICLE, characterPoint, CLOSING, dragSelect, ENGINEER, marksOf, reader, readerInput, readerMap, readerSelection, RESIDENT } from "./support/reader";

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

  // Select the claim on the map, then the engineer's words in the text, and make a rebuttal of them.
  await nodeById(page, "claim").click();
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
});
