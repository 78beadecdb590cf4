/**
 * A map that explains its debate at first sight: the demo opens readable on its main claim with
 * nothing hidden, search finds a speaker and goes there, folding is one person's view, the
 * minimap never takes a click meant for a node, and the SVG export keeps its text in its boxes.
 */
import type { Browser, Page } from "@playwright/test";
import { mainClaims } from "../lib/map/openingView";
import { docFromSnapshot } from "../lib/map/types";
import { measureLegibility, waitForViewToSettle } from "./support/legibility";
import { createMapViaApi, E2E_USER_NAME, expect, fetchMap, nodesOn, postOps, test, tokenOf, waitForEditor } from "./support/editor";

const DEMO_NODES = 30;

async function openDemo(page: Page): Promise<string> {
  const demo = await fetchMap(page.request, "demo");
  await page.goto("/m/demo");
  await waitForEditor(page, DEMO_NODES);
  await waitForViewToSettle(page);
  return mainClaims(docFromSnapshot(demo))[0]!;
}

for (const [device, size, smallest] of [
  ["a 1440×900 screen", { width: 1440, height: 900 }, 12],
  ["a 390×844 phone", { width: 390, height: 844 }, 14],
] as const) {
  test(`the demo opens readable on ${device}: text ≥ ${smallest} px, the main claim whole, no label or link on a node`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    const main = await openDemo(page);
    const measured = await measureLegibility(page, main);
    await testInfo.attach(`legibility on ${device}`, { body: JSON.stringify(measured, null, 2), contentType: "application/json" });
    expect(measured.nodesInView).toBeGreaterThan(0);
    expect(measured.smallestBodyText).toBeGreaterThanOrEqual(smallest);
    expect(measured.mainClaimInView).toBe(1);
    expect(measured.labels).toBe(33);
    expect(measured.labelsOverNodes).toBe(0);
    expect(measured.links).toBe(33);
    expect(measured.linksThroughNodes).toBe(0);
  });
}

test("Ctrl+F finds “Forrester”, counts it, and goes to it", async ({ page }) => {
  await openDemo(page);
  const forrester = page.locator(".react-flow__node[data-id='n-forrester-dont-believe']");
  const canvas = (await page.locator(".react-flow").boundingBox())!;
  const inView = async () => {
    const box = (await forrester.boundingBox())!;
    return box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height;
  };
  expect(await inView()).toBe(false);

  await page.keyboard.press("ControlOrMeta+f");
  const field = page.getByRole("searchbox", { name: "Find in map" });
  await expect(field).toBeFocused();
  await field.fill("forrester");
  await expect(page.getByTestId("search-status")).toHaveText("1 of 1 match");
  await expect(page.getByTestId("search-status")).toHaveAttribute("role", "status");
  await expect(forrester.getByTestId("node")).toHaveAttribute("data-found", "current");
  await waitForViewToSettle(page);
  expect(await inView()).toBe(true);

  // A speaker's name and a source's title are found too; Enter and Shift+Enter step round.
  await field.fill("global times");
  const status = page.getByTestId("search-status");
  await expect(status).toHaveText(/^1 of (\d+) matches$/);
  const count = Number(/of (\d+)/.exec((await status.textContent())!)![1]);
  expect(count).toBeGreaterThan(2);
  await field.press("Enter");
  await expect(status).toHaveText(`2 of ${count} matches`);
  await field.press("Shift+Enter");
  await field.press("Shift+Enter");
  await expect(status).toHaveText(`${count} of ${count} matches`);
  await expect(page.locator("[data-found]")).toHaveCount(count);

  // The outline marks the same match and scrolls to it.
  await field.fill("forrester");
  await page.getByTestId("view-toggle-outline").click();
  const line = page.locator(".outline-item[data-found='current']").first();
  await expect(line).toBeInViewport();
  await expect(line).toHaveAttribute("data-id", "n-forrester-dont-believe");

  await field.press("Escape");
  await expect(page.getByTestId("search-bar")).toHaveCount(0);
});

async function openAs(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript((name) => localStorage.setItem("argumap:name", name), E2E_USER_NAME);
  await page.goto(url);
  return page;
}

test("folding a claim hides its reasons for me only: another browser still sees them, and the map is unchanged", async ({ browser, request }) => {
  const copied = await request.post("/api/maps/demo/copy");
  expect(copied.status()).toBe(201);
  const token = tokenOf(((await copied.json()) as { links: { owner: string } }).links.owner);
  const before = await fetchMap(request, token);
  const main = mainClaims(docFromSnapshot(before))[0]!;
  const mine = await openAs(browser, `/m/${token}`);
  const theirs = await openAs(browser, `/m/${token}`);
  await waitForEditor(mine, DEMO_NODES);
  await waitForEditor(theirs, DEMO_NODES);

  const claim = mine.locator(`.react-flow__node[data-id='${main}']`);
  const toggle = claim.getByTestId("fold-toggle");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  // Most of the map is beneath the main claim: gone for me, the claim itself still there.
  await expect.poll(() => nodesOn(mine).count()).toBeLessThan(DEMO_NODES);
  await expect(claim).toBeVisible();
  await expect(toggle).toContainText("hidden");
  await expect(nodesOn(theirs)).toHaveCount(DEMO_NODES);

  // One level at a time, by keyboard too: select the claim, H unfolds it.
  await claim.click({ position: { x: 20, y: 12 } });
  await mine.keyboard.press("h");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(nodesOn(mine)).toHaveCount(DEMO_NODES);

  // Focus: the claim with its reasons and objections only, and the way back.
  await mine.keyboard.press("o");
  const crumbs = mine.getByTestId("focus-breadcrumbs");
  await expect(crumbs).toBeVisible();
  const reasons = before.edges.filter((edge) => edge.to === main).length;
  await expect(nodesOn(mine)).toHaveCount(1 + reasons);
  await crumbs.getByRole("button", { name: "Whole map" }).click();
  await expect(nodesOn(mine)).toHaveCount(DEMO_NODES);

  const after = await fetchMap(request, token);
  expect(after.revision).toBe(before.revision);
  await mine.context().close();
  await theirs.context().close();
});

test("a double-click on a node under the minimap reaches the node", async ({ page, request }) => {
  const { token } = await createMapViaApi(request, "Minimap");
  await postOps(request, token, [{ type: "addNode", node: { id: "c1", kind: "claim", text: "Under the overview", speaker: "", sourceId: null, quote: "", x: 0, y: 0 } }]);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 1);
  await waitForViewToSettle(page);
  const minimap = page.locator(".react-flow__minimap");
  await expect(minimap).toBeVisible();
  const node = page.locator(".react-flow__node[data-id='c1']");
  const [mapBox, nodeBox, canvas] = [(await minimap.boundingBox())!, (await node.boundingBox())!, (await page.locator(".react-flow").boundingBox())!];
  // Drag the canvas so that the node's middle lies under the minimap's middle.
  const target = { x: mapBox.x + mapBox.width / 2, y: mapBox.y + mapBox.height / 2 };
  const start = { x: canvas.x + 30, y: canvas.y + canvas.height / 2 };
  const delta = { x: target.x - (nodeBox.x + nodeBox.width / 2), y: target.y - (nodeBox.y + nodeBox.height / 2) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + delta.x / 2, start.y + delta.y / 2, { steps: 5 });
  await page.mouse.move(start.x + delta.x, start.y + delta.y, { steps: 5 });
  await page.mouse.up();
  const moved = (await node.boundingBox())!;
  expect(Math.abs(moved.x + moved.width / 2 - target.x)).toBeLessThan(4);
  // The minimap is drawn over the node there (a panel above the map's layer)…
  const onTop = await page.evaluate(() => {
    const minimap = document.querySelector<HTMLElement>(".react-flow__minimap")!;
    const over = Number(getComputedStyle(minimap).zIndex) > Number(getComputedStyle(document.querySelector(".react-flow__viewport")!).zIndex || 0);
    return over && getComputedStyle(minimap).visibility === "visible";
  });
  expect(onTop).toBe(true);
  // …and yet the double-click opens the node for typing.
  await page.mouse.dblclick(target.x, target.y);
  await expect(page.getByTestId("node-text-input")).toBeFocused();

  // It can be put away, and stays away.
  await page.keyboard.press("Escape");
  await page.getByTestId("overview-toggle").click();
  await expect(minimap).toHaveCount(0);
  await page.reload();
  await waitForEditor(page, 1);
  await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
  await expect(page.getByTestId("overview-toggle")).toHaveText("Show overview");
});

for (const font of ["as named", "DejaVu Sans Mono", "DejaVu Serif"]) {
  test(`the SVG export in Chromium keeps every line of text inside its node (font: ${font})`, async ({ page, request }) => {
    const response = await request.get("/api/maps/demo/export?format=svg");
    expect(response.status()).toBe(200);
    const svg = (await response.text()).replace(/^<\?xml[^>]*>\s*/, "");
    const style = font === "as named" ? "" : `<style>svg text { font-family: "${font}" !important; }</style>`;
    await page.setContent(`<!doctype html><html><head>${style}</head><body style="margin:0">${svg}</body></html>`);
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      const groups = [...document.querySelectorAll<SVGGElement>("g.node")];
      for (const group of groups) {
        const box = group.querySelector("rect")!.getBBox();
        const texts = [...group.querySelectorAll<SVGTextElement>("text")];
        for (const text of texts) {
          const line = text.getBBox();
          if (line.x < box.x - 0.5 || line.x + line.width > box.x + box.width + 0.5 || line.y < box.y - 0.5 || line.y + line.height > box.y + box.height + 0.5) {
            found.push(`"${text.textContent}" spills out of its box`);
          }
        }
        const kind = group.querySelector<SVGTextElement>("text.kind")!.getBBox();
        const speaker = group.querySelector<SVGTextElement>("text.speaker")?.getBBox();
        if (speaker && kind.x + kind.width > speaker.x - 2) found.push(`the kind overlaps the speaker "${group.querySelector("text.speaker")!.textContent}"`);
      }
      return { nodes: groups.length, found };
    });
    expect(problems.nodes).toBe(DEMO_NODES);
    expect(problems.found).toEqual([]);
  });
}

test("printing the canvas gives the whole map, without the interface", async ({ page }) => {
  await openDemo(page);
  await page.emulateMedia({ media: "print" });
  const pages = page.getByTestId("print-map").locator("img");
  await expect(pages.first()).toBeVisible();
  await expect(page.getByTestId("toolbar")).toBeHidden();
  await expect(page.locator(".react-flow")).toBeHidden();
  // The pages are parts of one drawing of the whole map, which together cover all of it.
  await expect.poll(() => pages.evaluateAll((images) => images.every((image) => (image as HTMLImageElement).naturalWidth > 0))).toBe(true);
  // "Which claims stand" is off here, so the paper is the export without its labels.
  const whole = await (await page.request.get("/api/maps/demo/export?format=svg&evaluation=off")).text();
  const [x, y, width, height] = /viewBox="([^"]+)"/.exec(whole)![1]!.split(" ").map(Number) as [number, number, number, number];
  const boxes = (await pages.evaluateAll((images) => images.map((image) => (image as HTMLElement).dataset.area!.split(" ").map(Number)))) as [number, number, number, number][];
  expect(Math.min(...boxes.map((box) => box[0]))).toBeLessThanOrEqual(x);
  expect(Math.min(...boxes.map((box) => box[1]))).toBeLessThanOrEqual(y);
  expect(Math.max(...boxes.map((box) => box[0] + box[2]))).toBeGreaterThanOrEqual(x + width - 1);
  expect(Math.max(...boxes.map((box) => box[1] + box[3]))).toBeGreaterThanOrEqual(y + height - 1);
});
