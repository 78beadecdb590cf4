/**
 * Typing into a node, the same way on every page: select it, Enter to edit, then letters one every
 * STEP_MS (as a typist does, without waiting for the page) while the probe records frames, then a
 * few more with React renders counted. Esc ends the editing without saving, so every round types
 * into the same text.
 */
import type { Page } from "@playwright/test";
import type { Renders } from "./measure";

const STEP_MS = 60;
const TIMED_KEYS = "the claim stands until someone answers it";
const COUNTED_KEYS = " and then";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeSteadily(page: Page, text: string): Promise<void> {
  const start = performance.now();
  const presses: Promise<void>[] = [];
  for (const [index, key] of [...text].entries()) {
    presses.push(page.keyboard.press(key === " " ? "Space" : key));
    await sleep(start + (index + 1) * STEP_MS - performance.now());
  }
  await Promise.all(presses);
}

export async function typeInNode(page: Page, nodeId: string): Promise<{ frames: number[]; renders: Renders }> {
  const node = page.locator(`.react-flow__node[data-id="${nodeId}"]`);
  await node.click();
  await page.keyboard.press("Enter");
  await page.locator('[data-testid="node-text-input"]').waitFor();
  await page.keyboard.press("End");
  await page.evaluate("uiBench.waitQuiet()");
  await page.evaluate("uiBench.startFrames()");
  await typeSteadily(page, TIMED_KEYS);
  const frames = (await page.evaluate("uiBench.stopFrames()")) as number[];
  await page.evaluate("uiBench.startRenders()");
  await typeSteadily(page, COUNTED_KEYS);
  const renders = (await page.evaluate("uiBench.stopRenders()")) as Renders;
  await page.keyboard.press("Escape");
  return { frames, renders };
}
