/** Several people (each a browser context of their own) on one map, and what they do there. */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, nodeById, nodesOn } from "./editor";

export interface Person {
  context: BrowserContext;
  page: Page;
}

/** A browser of its own, as a returning visitor called `name` (null: a first visit, which is asked for a name). */
export async function openAs(browser: Browser, baseURL: string, path: string, name: string | null): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } });
  if (name !== null) await context.addInitScript((saved) => window.localStorage.setItem("argumap:name", saved), name);
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}

/**
 * For a describe block: `join` opens a person as openAs does, and every person joined is closed
 * after each test (a browser a test crashed on purpose may be gone already).
 */
export function joinedPeople(hooks: { afterEach(hook: () => Promise<void>): void }): typeof openAs {
  const people: Person[] = [];
  hooks.afterEach(async () => {
    for (const person of people.splice(0)) await person.context.close().catch(() => undefined);
  });
  return async (...args) => {
    const person = await openAs(...args);
    people.push(person);
    return person;
  };
}

export const nodeText = (page: Page, nodeId: string) => nodeById(page, nodeId).getByTestId("node-text");
export const textInput = (page: Page, nodeId: string) => nodeById(page, nodeId).getByTestId("node-text-input");
export const editingBadge = (page: Page, nodeId: string, name: string) => nodeById(page, nodeId).locator(`[data-testid="editing-badge"][data-name="${name}"]`);
export const peer = (page: Page, name: string) => page.locator(`[data-testid="presence-peer"][data-name="${name}"]`);
export const notice = (page: Page, text: string | RegExp) => page.getByTestId("notice").filter({ hasText: text });

export async function nodeIds(page: Page): Promise<string[]> {
  return nodesOn(page).evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.id!));
}

/** Opens a node's text by double-clicking it, and waits for the field. */
export async function openText(page: Page, nodeId: string): Promise<void> {
  await nodeText(page, nodeId).dblclick();
  await expect(textInput(page, nodeId)).toBeFocused();
}

/** axe finds nothing serious or critical. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((found) => found.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Every text the node has had, as the history endpoint gives them, oldest first. */
export async function historyTexts(page: Page, token: string, nodeId: string): Promise<(string | null)[]> {
  const response = await page.request.get(`/api/maps/${encodeURIComponent(token)}/history?node=${encodeURIComponent(nodeId)}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { versions: { node: { text: string } | null }[] };
  return body.versions.map((version) => version.node?.text ?? null);
}
