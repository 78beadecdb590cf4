/**
 * Between a phone and a wide desktop (tablets, small laptops): the editor's header keeps the map's
 * title readable with nothing overlapping it, every action stays reachable (in the header, or in
 * the ⋯ menu on a small tablet), and the toolbar's views (Canvas/Outline, "Which claims stand")
 * are in sight without scrolling.
 */
import type { Page } from "@playwright/test";
import { createMapViaApi, expect, node, postOps, test, waitForEditor } from "./support/editor";

const TITLE = "Is Alibaba Cloud a security risk for the United States?";
const ACTIONS = ["Path", "Present", "Room", "Share", "Export"];

/** The header's visible children do not overlap one another. */
async function overlaps(page: Page): Promise<string[]> {
  return page.locator(".editor-header").evaluate((header) => {
    const boxes = [...header.children]
      .filter((child) => getComputedStyle(child).display !== "none" && getComputedStyle(child).position !== "absolute")
      .map((child) => ({ name: child.className || child.tagName, box: child.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0);
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box;
        const b = boxes[j]!.box;
        if (a.left < b.right - 1 && b.left < a.right - 1) found.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
      }
    }
    return found;
  });
}

for (const viewport of [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
]) {
  test(`at ${viewport.width}×${viewport.height} the title reads, every action is reachable and the views are in sight`, async ({ browser, request }) => {
    const { links, token } = await createMapViaApi(request, TITLE);
    await postOps(request, token, [{ type: "addNode", node: node("c", "claim", "Alibaba Cloud is a security risk", 0, 0) }]);
    const context = await browser.newContext({ viewport });
    try {
      await context.addInitScript(() => window.localStorage.setItem("argumap:name", "Ms Rivera"));
      const page = await context.newPage();
      await page.goto(new URL(links.owner).pathname);
      await waitForEditor(page, 1);

      const title = page.locator(".editor-header__title h1");
      expect((await title.boundingBox())!.width).toBeGreaterThanOrEqual(120);
      await expect(page.getByTestId("role-badge")).toBeVisible();
      expect(await overlaps(page)).toEqual([]);

      // Every action: in the header, or one tap away in the ⋯ menu.
      const more = page.getByTestId("header-more");
      if (await more.isVisible()) await more.click();
      const actions = page.locator("#editor-header-actions");
      for (const name of ACTIONS) await expect(actions.getByRole("button", { name }).or(actions.getByRole("link", { name })).first()).toBeInViewport();
      if (await more.isVisible()) await page.keyboard.press("Escape");

      // The toolbar's views, without scrolling it.
      for (const id of ["view-toggle-outline", "stand-toggle"]) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        const hit = await page.getByTestId(id).evaluate((element) => {
          const rect = element.getBoundingClientRect();
          const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
          return top !== null && (top === element || element.contains(top));
        });
        expect(hit, `${id} is under something else`).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
}
