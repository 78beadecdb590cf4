/**
 * What the source reader specs share: a map with a source whose text the test writes itself (no
 * article is copied), nodes quoting it, and ways to select its words as a user does.
 */
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { createMapViaApi, expect, node, postOps } from "./editor";

/** A made-up council meeting, long enough that the reader scrolls. */
export const OPENING = "Harbour Council met on Tuesday night to decide on the new sea wall.";
export const ENGINEER = "The wall will protect four hundred homes from the spring floods";
export const RESIDENT = "Nobody has shown us the flood maps";
export const CLOSING = "The vote was put off until the spring, when the maps are due";

export const ARTICLE = [
  OPENING,
  `“${ENGINEER},” said Mira Okafor, the council's engineer. She added that the budget was already approved.`,
  ...Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: speakers from the floor asked about tides, sand, gulls and the cost of concrete in the year ${2001 + i}.`),
  `Residents were not convinced. “${RESIDENT},” Tomas Reyes told the meeting.`,
  `${CLOSING}.`,
].join("\n\n");

export interface ReaderMap {
  token: string;
  view: string;
}

/** A claim, a rebuttal quoting the resident (far down the text), and a support quoting the closing line. */
export async function readerMap(request: APIRequestContext, title = "Should the sea wall be built?"): Promise<ReaderMap> {
  const { token, links } = await createMapViaApi(request, title);
  await postOps(request, token, [
    { type: "addSource", source: { id: "minutes", title: "Council minutes", publisher: "Harbour Gazette", author: "Lee Park", date: "2026-03-10", url: "https://example.org/minutes", text: ARTICLE } },
    { type: "addNode", node: node("claim", "claim", "The sea wall should be built", 0, 0) },
    { type: "addNode", node: { ...node("doubt", "rebuttal", "Residents have not seen the evidence", 300, 220), speaker: "Tomas Reyes", sourceId: "minutes", quote: RESIDENT } },
    { type: "addNode", node: { ...node("later", "support", "The council waits for the maps", -300, 220), sourceId: "minutes", quote: CLOSING } },
    { type: "addEdge", edge: { id: "e1", from: "doubt", to: "claim", relation: "rebuts" } },
    { type: "addEdge", edge: { id: "e2", from: "later", to: "claim", relation: "supports" } },
  ]);
  return { token, view: new URL(links.view).pathname.split("/").pop()! };
}

export const reader = (page: Page): Locator => page.getByTestId("source-reader");
export const readerInput = (page: Page): Locator => page.getByTestId("reader-text-input");
/** The marks drawing this node's passage in the reader. */
export const marksOf = (page: Page, nodeId: string): Locator => page.locator(`[data-testid="reader-mark"][data-node-ids~="${nodeId}"]`);

/** The point at the left or right edge of one character of the reader's text, on screen. */
export async function characterPoint(page: Page, offset: number, side: "left" | "right"): Promise<{ x: number; y: number }> {
  return page.getByTestId("reader-text").evaluate(
    (wrapper, [at, edge]) => {
      const backdrop = wrapper.querySelector(".reader-text__backdrop")!;
      const walker = document.createTreeWalker(backdrop, NodeFilter.SHOW_TEXT);
      let start = 0;
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const length = text.textContent!.length;
        if (at < start + length) {
          const range = document.createRange();
          range.setStart(text, at - start);
          range.setEnd(text, at - start + 1);
          const box = range.getClientRects()[0]!;
          return { x: edge === "left" ? box.left + 1 : box.right - 1, y: box.top + box.height / 2 };
        }
        start += length;
      }
      throw new Error(`offset ${at} is beyond the text`);
    },
    [offset, side] as const,
  );
}

/** Selects words of the reader's text with the mouse: press before the first, drag past the last. */
export async function dragSelect(page: Page, words: string): Promise<void> {
  const start = ARTICLE.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  const from = await characterPoint(page, start, "left");
  const to = await characterPoint(page, start + words.length - 1, "right");
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** The textarea's selection, as offsets and words. */
export async function readerSelection(page: Page): Promise<string> {
  return readerInput(page).evaluate((input: HTMLTextAreaElement) => input.value.slice(input.selectionStart, input.selectionEnd));
}

/** Presses Tab (or Shift+Tab) until the target has the focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, { backwards = false, limit = 80 } = {}): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

/** Selects words of the focused reader text with the keyboard: caret to the start, then Shift+→ over them. */
export async function keyboardSelect(page: Page, words: string): Promise<void> {
  const start = ARTICLE.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < start; i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < words.length; i++) await page.keyboard.press("Shift+ArrowRight");
}
