/**
 * User text is text, never markup: titles, node text, speakers, quotes and sources holding HTML or
 * a `javascript:` URL show literally in the editor, the read-only viewer (its server-rendered
 * outline included, with and without JavaScript) and the exports, and nothing in them ever runs.
 */
import type { Page } from "@playwright/test";
import { createMapViaApi, expect, nodeById, nodesOn, postOps, test, tokenOf, waitForEditor } from "./support/editor";

const SCRIPT = "<script>window.__xss=1</script>";
const IMAGE = '<img src=x onerror="window.__xss=1">';
const URL_PAYLOAD = "javascript:alert(1)";
const PAYLOADS = [SCRIPT, IMAGE, URL_PAYLOAD];
const TITLE = `${SCRIPT} ${IMAGE} ${URL_PAYLOAD}`;

/** A map whose every text field is an attack; returns its owner and view tokens. */
async function hostileMap(page: Page): Promise<{ owner: string; view: string }> {
  const created = await createMapViaApi(page.request, "placeholder");
  await postOps(page.request, created.token, [
    { type: "updateMap", patch: { title: TITLE, description: IMAGE } },
    { type: "addSource", source: { id: "src", title: SCRIPT, publisher: IMAGE, author: URL_PAYLOAD, url: URL_PAYLOAD } },
    ...PAYLOADS.map((text, index) => ({
      type: "addNode",
      node: { id: `n${index}`, kind: index === 0 ? "claim" : "rebuttal", text, speaker: PAYLOADS[(index + 1) % 3], sourceId: "src", quote: PAYLOADS[(index + 2) % 3], x: index * 320, y: index === 0 ? 0 : 220 },
    })),
    { type: "addEdge", edge: { id: "e1", from: "n1", to: "n0", relation: "rebuts" } },
    { type: "addEdge", edge: { id: "e2", from: "n2", to: "n0", relation: "supports" } },
  ]);
  return { owner: created.token, view: tokenOf(created.links.view) };
}

/** Fails the test on any dialog (alert, confirm…) the page opens. */
function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", (dialog) => {
    opened.push(dialog.message());
    void dialog.dismiss();
  });
  return opened;
}

async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => [...document.scripts].some((script) => script.textContent?.trim() === "window.__xss=1"))).toBe(false);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

/** Every payload appears as visible text in what `selector` finds. */
async function expectLiteral(page: Page, selector: string): Promise<void> {
  const texts = await page.locator(selector).allInnerTexts();
  const all = texts.join("\n");
  for (const payload of PAYLOADS) expect(all).toContain(payload);
}

test("hostile text shows literally in the editor and nothing runs", async ({ page }) => {
  const dialogs = watchDialogs(page);
  const { owner } = await hostileMap(page);
  await page.goto(`/m/${owner}`);
  await waitForEditor(page, 3);
  await expect(page).toHaveTitle(`${TITLE} · Argumap`);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  expect((await nodesOn(page).getByTestId("node-text").allInnerTexts()).sort()).toEqual([...PAYLOADS].sort());

  // The side panel shows the speaker, quote and source of a node as text, the source unlinked.
  await nodeById(page, "n1").click();
  await expect(page.getByTestId("side-panel")).toHaveAttribute("data-mode", "node");
  await expect(page.getByTestId("source-card").first()).toContainText(SCRIPT);

  // The Share dialog's heading carries the title too.
  await page.getByTestId("share-button").click();
  await expect(page.getByTestId("share-dialog")).toContainText(TITLE);
  await page.keyboard.press("Escape");

  // So does the home page's list of recent maps.
  await page.goto("/");
  await expect(page.getByTestId("recent-map").first()).toContainText(TITLE);
  await expectNothingRan(page, dialogs);
});

test("hostile text shows literally on the read-only link, in its server HTML, and without JavaScript", async ({ page, browser, baseURL }) => {
  const dialogs = watchDialogs(page);
  const { view } = await hostileMap(page);

  // The HTML as sent: escaped in the markup, and the page's data cannot close its script tag.
  const response = await page.request.get(`/m/${view}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");
  expect(html).toContain("&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;");
  expect(html).not.toContain(SCRIPT);
  expect(html).not.toContain("<img src=x");
  expect(html).not.toMatch(/href="javascript:/i);

  await page.goto(`/m/${view}`);
  await waitForEditor(page, 3);
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "view");
  await expectLiteral(page, '[data-testid="node-text"]');
  await page.getByTestId("view-toggle-outline").click();
  await expectLiteral(page, '[data-testid="outline-view"]');
  await expectNothingRan(page, dialogs);

  // Without JavaScript the server-rendered outline is the page: the same text, literally.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const reader = await noScript.newPage();
  await reader.goto(`/m/${view}`);
  const outline = reader.getByTestId("map-outline");
  await expect(outline).toBeVisible();
  await expectLiteral(reader, '[data-testid="map-outline"]');
  await expect(outline.getByRole("heading", { name: "Sources" })).toBeVisible();
  await expect(reader.locator('img[src="x"]')).toHaveCount(0);
  await expect(reader.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await noScript.close();
});

test("the exports carry hostile text as data, never as a page", async ({ page }) => {
  const { view } = await hostileMap(page);

  const json = await page.request.get(`/api/maps/${view}/export?format=json`);
  expect(json.headers()["content-type"]).toMatch(/^application\/json/);
  expect(json.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(json.headers()["x-content-type-options"]).toBe("nosniff");
  const exported = (await json.json()) as { map: { title: string }; nodes: { text: string; speaker: string }[]; sources: { title: string; url: string }[] };
  expect(exported.map.title).toBe(TITLE);
  expect(exported.nodes.map((node) => node.text).sort()).toEqual([...PAYLOADS].sort());
  expect(exported.sources[0]).toMatchObject({ title: SCRIPT, url: URL_PAYLOAD });

  const argdown = await page.request.get(`/api/maps/${view}/export?format=argdown`);
  expect(argdown.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(argdown.headers()["content-disposition"]).toMatch(/^attachment/);
  const text = await argdown.text();
  for (const payload of PAYLOADS) expect(text).toContain(payload);

  // The drawing is markup, so every payload in it must be escaped text.
  const svg = await page.request.get(`/api/maps/${view}/export?format=svg`);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(svg.headers()["content-disposition"]).toMatch(/^attachment/);
  const drawing = await svg.text();
  expect(drawing).not.toMatch(/<script|<img|onerror="/i);
  expect(drawing).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");

  const aif = await page.request.get(`/api/maps/${view}/export?format=aif`);
  const statements = ((await aif.json()) as { nodes: { type: string; text: string }[] }).nodes.filter((node) => node.type === "I");
  expect(statements.map((node) => node.text).sort()).toEqual([...PAYLOADS].sort());

  // The link-preview image draws the title as pixels.
  const image = await page.request.get(`/m/${view}/opengraph-image`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
});
