/**
 * Sharing: the owner shares the view link from the Share dialog; a reader follows the map live but
 * can change nothing; when the owner replaces the view link, the reader's open page says so at once
 * and the old address stops opening the map.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { createMapViaApi, expect, node, nodesOn, postOps, test, tokenOf, waitForEditor } from "./support/editor";

/** A second person: their own browser profile, a returning visitor with a saved name. */
async function newVisitor(browser: Browser, baseURL: string | undefined, name: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript((saved) => window.localStorage.setItem("argumap:name", saved), name);
  return context;
}

async function recentTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const list = JSON.parse(window.localStorage.getItem("argumap.recentMaps.v1") ?? "[]") as { token: string }[];
    return list.map((entry) => entry.token);
  });
}

test("the owner shares a read-only link; the reader follows live, cannot edit, and is cut off when the link is replaced", async ({ page, browser, baseURL, context }) => {
  const created = await createMapViaApi(page.request, "Should homework be banned?");
  await postOps(page.request, created.token, [{ type: "addNode", node: node("c1", "claim", "Homework should be banned", 0, 0) }]);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  // The owner opens the Share dialog and copies the view link.
  await page.goto(`/m/${created.token}`);
  await waitForEditor(page, 1);
  await page.getByTestId("share-button").click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName(/Share/);
  await expect(page.getByTestId("share-link-view")).toHaveValue(created.links.view);
  await expect(page.getByTestId("share-link-edit")).toHaveValue(created.links.edit);
  await expect(page.getByTestId("share-link-owner")).toHaveValue(created.links.owner);
  await expect(page.getByTestId("share-owner-warning")).toContainText("anyone with it can manage the map");
  // Keyboard focus stays in the dialog: it wraps from the last control to the first and back.
  await page.getByTestId("share-copy-owner").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("share-close")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByTestId("share-copy-owner")).toBeFocused();
  await expect(page.getByTestId("share-qr")).toHaveAttribute("src", /^data:image\/svg\+xml/);
  await expect(page.getByTestId("share-qr")).toHaveAttribute("data-value", created.links.view);
  await page.getByTestId("share-copy-view").click();
  await expect(page.getByTestId("share-copy-view")).toContainText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(created.links.view);
  // A room can scan a larger code.
  await page.getByTestId("share-projector-toggle").click();
  await expect(page.getByTestId("share-projector")).toContainText(created.links.view);
  const large = await page.getByTestId("share-qr").boundingBox();
  expect(large!.width).toBeGreaterThan(400);
  await page.getByTestId("share-projector-toggle").click();
  await expect(page.getByTestId("share-link-view")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("share-button")).toBeFocused();

  // The owner once opened the view link in this browser too: it is on their recent list.
  const ownerViewTab = await context.newPage();
  await ownerViewTab.goto(copied);
  await waitForEditor(ownerViewTab, 1);
  await expect(ownerViewTab.getByTestId("role-badge")).toHaveAttribute("data-role", "view");
  await expect.poll(() => recentTokens(ownerViewTab)).toContain(tokenOf(copied));
  await ownerViewTab.close();

  // A reader opens the copied link in their own browser.
  const readerContext = await newVisitor(browser, baseURL, "Reader Rui");
  const reader = await readerContext.newPage();
  await reader.goto(copied);
  await waitForEditor(reader, 1);
  await expect(reader.getByTestId("role-badge")).toHaveAttribute("data-role", "view");
  await expect(nodesOn(reader).first()).toContainText("Homework should be banned");
  await expect(reader.getByTestId("share-button")).toHaveCount(0);
  for (const id of ["addClaim", "addSupportTo", "addRebuttalTo", "deleteSelection", "tidyLayout"]) {
    await expect(reader.getByTestId(`toolbar-${id}`)).toHaveCount(0);
  }
  await nodesOn(reader).first().dblclick();
  await reader.keyboard.press("Enter");
  await expect(reader.getByTestId("node-text-input")).toHaveCount(0);
  const refused = await reader.evaluate(async (token) => {
    const response = await fetch(`/api/maps/${token}/ops`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientId: "reader", ops: [{ clientOpId: "x", type: "addNode", node: { id: "sneaky", kind: "claim", text: "sneaky", x: 0, y: 0 } }] }),
    });
    return response.status;
  }, tokenOf(copied));
  expect(refused).toBe(403);

  // The owner adds a claim; the reader sees it arrive without reloading.
  await page.getByTestId("toolbar-addClaim").click();
  await page.getByTestId("node-text-input").fill("Teachers should set reading instead");
  await page.keyboard.press("Enter");
  await expect(nodesOn(reader)).toHaveCount(2);
  await expect(nodesOn(reader).filter({ hasText: "Teachers should set reading instead" })).toBeVisible();

  // The owner replaces the view link, after a confirm step that says what happens.
  await page.getByTestId("share-button").click();
  await page.getByTestId("share-rotate-view").click();
  await expect(page.getByTestId("share-rotate-box")).toContainText("stops working at once");
  await page.getByTestId("share-rotate-confirm").click();
  await expect(page.getByTestId("share-link-view")).not.toHaveValue(copied);
  const newView = await page.getByTestId("share-link-view").inputValue();
  expect(tokenOf(newView)).not.toBe(tokenOf(copied));
  await expect(page.getByTestId("share-status")).toContainText("New view link");
  await expect(page.getByTestId("share-qr")).toHaveAttribute("data-value", newView);
  await expect(page.getByTestId("share-link-edit")).toHaveValue(created.links.edit);
  await expect.poll(() => recentTokens(page)).toContain(tokenOf(newView));
  expect(await recentTokens(page)).not.toContain(tokenOf(copied));

  // The reader's open page is told at once, and can no longer edit or read through that link.
  const banner = reader.getByTestId("revoked-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("This link was revoked by the map’s owner");
  await expect(banner.getByRole("link", { name: "Go to the home page" })).toBeVisible();
  await expect.poll(() => recentTokens(reader)).not.toContain(tokenOf(copied));

  // The old address now opens nothing; the new one opens the map.
  const oldPage = await reader.goto(copied);
  expect(oldPage?.status()).toBe(404);
  await expect(reader.getByRole("heading", { name: "This map link does not work" })).toBeVisible();
  await reader.goto(newView);
  await waitForEditor(reader, 2);
  await readerContext.close();
});

test("the edit link can be replaced too, and the Share dialog is only for the owner", async ({ page, browser, baseURL }) => {
  const created = await createMapViaApi(page.request, "Four-day school week");
  const editorContext = await newVisitor(browser, baseURL, "Editor Eva");
  const editor = await editorContext.newPage();
  await editor.goto(created.links.edit);
  await waitForEditor(editor, 0);
  await expect(editor.getByTestId("share-button")).toHaveCount(0);
  await expect(editor.getByTestId("toolbar-addClaim")).toBeVisible();

  await page.goto(`/m/${created.token}`);
  await waitForEditor(page, 0);
  await page.getByTestId("share-button").click();
  await page.getByTestId("share-rotate-edit").click();
  // Cancelling changes nothing.
  await page.getByTestId("share-rotate-cancel").click();
  await expect(page.getByTestId("share-rotate-confirm")).toHaveCount(0);
  await expect(page.getByTestId("share-link-edit")).toHaveValue(created.links.edit);
  await page.getByTestId("share-rotate-edit").click();
  await page.getByTestId("share-rotate-confirm").click();
  await expect(page.getByTestId("share-link-edit")).not.toHaveValue(created.links.edit);
  await expect(page.getByTestId("share-link-view")).toHaveValue(created.links.view);

  await expect(editor.getByTestId("revoked-banner")).toBeVisible();
  await expect(editor.getByTestId("toolbar-addClaim")).toHaveCount(0);
  // Editing is off: the shortcut for a new claim does nothing.
  await editor.keyboard.press("c");
  await expect(nodesOn(editor)).toHaveCount(0);
  await editorContext.close();
});
