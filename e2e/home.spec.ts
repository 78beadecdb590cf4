/**
 * The home page: the maps this browser has opened, with the rights each link gives, and importing
 * a map from a JSON export (a bad file gets a clear message, not a crash or a half-made map).
 */
import fs from "node:fs";
import { createMapViaApi, edgeLabels, expect, fetchMap, node, nodesOn, postOps, test, tokenOf, waitForEditor } from "./support/editor";

const recentMaps = (page: import("@playwright/test").Page) => page.getByTestId("recent-map");

test("the recent maps list shows each map this browser opened, with its role, and opens it", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByTestId("recent-maps")).toContainText("Maps you create or open in this browser will be listed here.");
  await expect(recentMaps(page)).toHaveCount(0);

  await page.getByTestId("new-map").click();
  await page.getByTestId("new-map-title").fill("Class debate: school uniforms");
  await page.getByTestId("new-map-title").press("Enter");
  await page.waitForURL(/\/m\/[^/]+$/);
  const ownToken = tokenOf(page.url());
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "owner");
  // The badge is in the server's HTML; the map is remembered once the page runs, so wait for that.
  await waitForEditor(page);

  // Someone shared another map's edit link and view link.
  const shared = await createMapViaApi(request, "Shared with me");
  await page.goto(new URL(shared.links.edit).pathname);
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "edit");
  await waitForEditor(page);
  await page.goto(new URL(shared.links.view).pathname);
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "view");
  await waitForEditor(page);

  await page.getByRole("link", { name: "Argumap home" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(recentMaps(page)).toHaveCount(3);
  // Newest first; the same map opened with two links is listed once per link, with that link's rights.
  await expect(recentMaps(page).nth(0)).toHaveAttribute("data-role", "view");
  await expect(recentMaps(page).nth(0)).toContainText("Shared with me");
  await expect(recentMaps(page).nth(0)).toContainText("View only");
  await expect(recentMaps(page).nth(1)).toHaveAttribute("data-role", "edit");
  await expect(recentMaps(page).nth(1)).toContainText("Shared with me");
  await expect(recentMaps(page).nth(1)).toContainText("Can edit");
  const own = recentMaps(page).nth(2);
  await expect(own).toHaveAttribute("data-role", "owner");
  await expect(own).toContainText("Class debate: school uniforms");
  await expect(own).toContainText("Owner");

  // The list survives a reload (it lives in this browser) and its entries open the map.
  await page.reload();
  await expect(recentMaps(page)).toHaveCount(3);
  await recentMaps(page).filter({ hasText: "Class debate: school uniforms" }).getByRole("link").click();
  await page.waitForURL((url) => url.pathname === `/m/${ownToken}`);
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "owner");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Class debate: school uniforms");
});

test("a map exported as JSON can be imported from the home page as a new map", async ({ page, request }) => {
  const original = await createMapViaApi(request, "Four-day school week");
  await postOps(request, original.token, [
    { type: "addNode", node: { ...node("claim", "claim", "Schools should move to a four-day week", 0, 0), speaker: "Principal Okafor", quote: "Fridays are wasted." } },
    { type: "addNode", node: node("support", "support", "Teachers get time to plan", -160, 220) },
    { type: "addNode", node: node("rebuttal", "rebuttal", "Parents need childcare on Fridays", 160, 220) },
    { type: "addEdge", edge: { id: "link-1", from: "support", to: "claim", relation: "supports" } },
    { type: "addEdge", edge: { id: "link-2", from: "rebuttal", to: "claim", relation: "rebuts" } },
  ]);

  // Export from the editor, as a user would.
  await page.goto(`/m/${original.token}`);
  await waitForEditor(page, 3);
  await page.getByTestId("export-menu-button").click();
  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-json").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = await download.path();
  expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ map: { title: "Four-day school week" } });

  await page.goto("/");
  await page.getByTestId("import-map").setInputFiles(file);
  // Every import shows what it created first; this one left nothing out.
  await expect(page.getByTestId("import-created")).toHaveText("Created 1 claim, 1 support, 1 rebuttal, 1 supports link, 1 rebuts link. Nothing in the file was left out.");
  await page.getByTestId("import-open").click();
  await page.waitForURL(/\/m\/[^/]+$/);
  const importedToken = tokenOf(page.url());
  expect(importedToken).not.toBe(original.token);
  await expect(page.getByTestId("role-badge")).toHaveAttribute("data-role", "owner");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Four-day school week");
  await waitForEditor(page, 3);
  await expect(edgeLabels(page)).toHaveCount(2);
  for (const text of ["Schools should move to a four-day week", "Teachers get time to plan", "Parents need childcare on Fridays"]) {
    await expect(nodesOn(page).getByTestId("node-text").filter({ hasText: text })).toHaveCount(1);
  }

  // The new map holds the same argument: kinds, texts, who said what, and links.
  const describe = (snapshot: Awaited<ReturnType<typeof fetchMap>>) => {
    const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
    return {
      title: snapshot.map.title,
      nodes: snapshot.nodes.map((n) => ({ kind: n.kind, text: n.text, speaker: n.speaker, quote: n.quote, x: n.x, y: n.y })).sort((a, b) => a.text.localeCompare(b.text)),
      links: snapshot.edges.map((e) => `${byId.get(e.from)?.text} ${e.relation} ${byId.get(e.to)?.text}`).sort(),
    };
  };
  const imported = await fetchMap(request, importedToken);
  expect(imported.role).toBe("owner");
  expect(describe(imported)).toEqual(describe(await fetchMap(request, original.token)));

  await page.goto("/");
  await expect(recentMaps(page).first()).toHaveAttribute("data-role", "owner");
  await expect(recentMaps(page).first()).toContainText("Four-day school week");
});

test("importing a broken file shows a clear error and creates nothing", async ({ page }) => {
  await page.goto("/");
  await expect(recentMaps(page)).toHaveCount(0);

  // Not JSON at all (say, a file cut off half-way).
  await page.getByTestId("import-map").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format":"argumap","nodes":[{"id":"a",') });
  await expect(page.getByTestId("import-error")).toBeVisible();
  await expect(page.getByTestId("import-error")).toContainText("broken.json");
  await expect(page.getByTestId("import-error")).toContainText("not a JSON file");

  // JSON, but not a map this app can read: the server says what is wrong.
  const notAMap = { format: "argumap", version: 1, map: { title: "Odd" }, nodes: [{ id: "a", kind: "opinion", text: "Hm", x: 0, y: 0 }], edges: [], sources: [] };
  await page.getByTestId("import-map").setInputFiles({ name: "odd-map.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(notAMap)) });
  await expect(page.getByTestId("import-error")).toContainText("Could not import “odd-map.json”");
  await expect(page.getByTestId("import-error")).toContainText("kind");
  await expect(page.getByTestId("import-error")).toHaveAttribute("role", "alert");

  expect(new URL(page.url()).pathname).toBe("/");
  await expect(page.getByTestId("import-map-button")).toBeEnabled();
  await expect(recentMaps(page)).toHaveCount(0);
});
