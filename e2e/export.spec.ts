/**
 * Exporting and importing in every format: the editor's Export menu, used with the keyboard alone,
 * downloads the map as JSON, Argdown, AIF, SVG and PNG (a letter or arrow in the menu never
 * reaches the editor's shortcuts); the home page imports the Argdown and AIF files back as new
 * maps holding the same argument.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMapViaApi, expect, fetchMap, node, nodesOn, postOps, test, tokenOf, waitForEditor, type MapResponse } from "./support/editor";
import type { APIRequestContext, Page } from "@playwright/test";

const FORMATS = ["json", "argdown", "aif", "svg", "png"] as const;

async function schoolWeekMap(request: APIRequestContext): Promise<string> {
  const map = await createMapViaApi(request, "Four-day school week");
  await postOps(request, map.token, [
    { type: "addNode", node: { ...node("claim", "claim", "Schools should move to a four-day week", 0, 0), speaker: "Principal Okafor" } },
    { type: "addNode", node: node("support", "support", "Teachers get time to plan", -160, 220) },
    { type: "addNode", node: node("rebuttal", "rebuttal", "Parents need childcare on Fridays", 160, 220) },
    { type: "addEdge", edge: { id: "link-1", from: "support", to: "claim", relation: "supports" } },
    { type: "addEdge", edge: { id: "link-2", from: "rebuttal", to: "claim", relation: "rebuts" } },
  ]);
  return map.token;
}

/** The argument a map makes, whatever its ids: kinds, texts, speakers and links by their ends' texts. */
function argumentOf(map: MapResponse) {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  return {
    title: map.map.title,
    nodes: map.nodes.map((n) => `${n.kind}: ${n.text} (${n.speaker})`).sort(),
    links: map.edges.map((e) => `${byId.get(e.from)?.text} ${e.relation} ${byId.get(e.to)?.text}`).sort(),
  };
}

/** Opens the menu from the keyboard, moves to the format with ↓, and downloads it with Enter (or Space). */
async function downloadWithKeys(page: Page, format: (typeof FORMATS)[number], key: "Enter" | " " = "Enter") {
  const button = page.getByTestId("export-menu-button");
  await button.focus();
  await page.keyboard.press("ArrowDown");
  for (let i = 0; i < FORMATS.indexOf(format); i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId(`export-${format}`)).toBeFocused();
  const downloading = page.waitForEvent("download");
  await page.keyboard.press(key);
  const download = await downloading;
  await expect(page.getByTestId("export-menu")).toBeHidden();
  await expect(button).toBeFocused();
  return download;
}

test("the Export menu works from the keyboard alone and downloads the map in every format", async ({ page, request }) => {
  const token = await schoolWeekMap(request);
  await page.goto(`/m/${token}`);
  await waitForEditor(page, 3);

  const button = page.getByTestId("export-menu-button");
  await expect(button).toHaveAttribute("aria-haspopup", "menu");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const menu = page.getByRole("menu", { name: "Export this map as" });
  await expect(menu.getByRole("menuitem")).toHaveCount(5);
  const json = menu.getByRole("menuitem", { name: /^JSON/ });
  await expect(json).toBeFocused();
  // The focused item shows it, not only by colour.
  expect(await json.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");

  await page.keyboard.press("ArrowUp");
  await expect(page.getByTestId("export-png")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(json).toBeFocused();
  // A letter jumps to the next format that starts with it, and adds no support node ("s" would).
  await page.keyboard.press("a");
  await expect(page.getByTestId("export-argdown")).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByTestId("export-aif")).toBeFocused();
  await page.keyboard.press("s");
  await expect(page.getByTestId("export-svg")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(nodesOn(page)).toHaveCount(3);

  const files: Record<string, { name: string; text: Buffer }> = {};
  for (const format of FORMATS) {
    const download = await downloadWithKeys(page, format, format === "png" ? " " : "Enter");
    files[format] = { name: download.suggestedFilename(), text: fs.readFileSync(await download.path()) };
  }
  expect(Object.values(files).map((file) => file.name)).toEqual([
    "four-day-school-week.json",
    "four-day-school-week.argdown",
    "four-day-school-week.aif.json",
    "four-day-school-week.svg",
    "four-day-school-week.png",
  ]);
  expect(files.argdown!.text.toString()).toContain("+ [Teachers get time to plan]: Teachers get time to plan");
  const aif = JSON.parse(files.aif!.text.toString()) as { nodes: { type: string }[] };
  expect(aif.nodes.map((n) => n.type).sort()).toEqual(["CA", "I", "I", "I", "L", "RA", "YA"]);
  expect(files.svg!.text.toString()).toContain("<title id=\"map-title\">Four-day school week</title>");
  expect([...files.png!.text.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join("")).toBe("PNG");

  // Clicking works too, and a click elsewhere closes the menu.
  await button.click();
  await expect(menu).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await expect(menu).toBeHidden();
});

test("Argdown and AIF exports import back from the home page as new maps holding the same argument", async ({ page, request }) => {
  const token = await schoolWeekMap(request);
  const original = argumentOf(await fetchMap(request, token));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-exports-"));
  for (const [format, name] of [["argdown", "week.argdown"], ["aif", "week-from-ova.json"]] as const) {
    const exported = await request.get(`/api/maps/${token}/export?format=${format}`);
    const file = path.join(folder, name);
    fs.writeFileSync(file, await exported.body());

    await page.goto("/");
    await page.getByTestId("import-map").setInputFiles(file);
    await page.getByTestId("import-open").click();
    await page.waitForURL(/\/m\/[^/]+$/);
    const imported = tokenOf(page.url());
    expect(imported).not.toBe(token);
    await waitForEditor(page, 3);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Four-day school week");
    expect(argumentOf(await fetchMap(request, imported))).toEqual(original);
  }

  // An Argdown file with nothing the importer can read says which line is wrong, and creates nothing.
  await page.goto("/");
  await page.getByTestId("import-map").setInputFiles({ name: "odd.argdown", mimeType: "text/plain", buffer: Buffer.from("\n  + [Reason]: with nothing above it") });
  await expect(page.getByTestId("import-error")).toContainText("Could not import “odd.argdown”");
  await expect(page.getByTestId("import-error")).toContainText("line 2");
  expect(new URL(page.url()).pathname).toBe("/");
});
