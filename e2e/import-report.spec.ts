/**
 * Importing an Argdown file with an error: what parses becomes a new map, and the home page
 * shows the import report first (what was created, each problem with its line), readable and
 * usable with the keyboard, on a phone too, and axe clean; then the map opens.
 */
import { DEBATE, DIALOGUE_NODES } from "../lib/map/testing/aifDebate";
import { expectNoSeriousViolations } from "./support/axe";
import { expect, fetchMap, test, tokenOf, waitForEditor } from "./support/editor";

const WITH_AN_ERROR = [
  "===",
  "title: Homework",
  "===",
  "",
  "[Ban]: Homework should be banned.",
  "  + <Rest>: Children need rest.",
  "  - [Practice]: Practice makes perfect.",
  "",
  "<Rest>",
  "",
  "(1) [Tired]: Children are tired after school.",
  "(2) [Sleep]: Tired children need sleep.",
  "----",
  "(3) [Ban]",
  "",
  "[Broken] text after a reference is a syntax error",
].join("\n");

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`an Argdown file with an error imports what parses and shows the report (${viewport.width}×${viewport.height})`, async ({ page, request }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await page.getByTestId("import-map").setInputFiles({ name: "homework.argdown", mimeType: "text/plain", buffer: Buffer.from(WITH_AN_ERROR) });

    const report = page.getByTestId("import-report");
    await expect(report).toBeVisible();
    await expect(report.getByRole("heading")).toHaveText("Imported “homework.argdown” with 1 warning");
    // The heading has focus, so a screen reader reads the report first.
    await expect(report.getByRole("heading")).toBeFocused();
    await expect(report).toContainText("Created 2 claims, 2 supports, 1 rebuttal, 1 argument, 1 supports link, 1 rebuts link, 2 premise links.");
    await expect(page.getByTestId("import-warnings").getByRole("listitem")).toHaveCount(1);
    await expect(page.getByTestId("import-warnings")).toContainText("line 16: Argdown syntax error");
    await expectNoSeriousViolations(page);

    // Keyboard: from the report to the map.
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("import-open")).toBeFocused();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/m\/[^/]+$/);
    await waitForEditor(page, 6);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Homework");
    const map = await fetchMap(request, tokenOf(page.url()));
    expect(map.nodes.map((node) => `${node.kind}: ${node.text}`).sort()).toEqual([
      "argument: Children need rest.",
      "claim: Homework should be banned.",
      // What parses of the broken line: the statement it names.
      "claim: Broken",
      "rebuttal: Practice makes perfect.",
      "support: Children are tired after school.",
      "support: Tired children need sleep.",
    ].sort());
  });
}

const CLEAN = ["===", "title: Uniforms", "===", "", "[Uniforms]: Schools should require uniforms.", "  + [Cost]: Uniforms cost families less.", "  - [Choice]: Clothes let pupils express themselves."].join("\n");

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`a clean import shows what it created too, with the way to the map focused (${viewport.width}×${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await page.getByTestId("import-map").setInputFiles({ name: "uniforms.argdown", mimeType: "text/plain", buffer: Buffer.from(CLEAN) });

    const report = page.getByTestId("import-report");
    await expect(report.getByRole("heading")).toHaveText("Imported “uniforms.argdown”");
    await expect(page.getByTestId("import-created")).toHaveText("Created 1 claim, 1 support, 1 rebuttal, 1 supports link, 1 rebuts link. Nothing in the file was left out.");
    await expect(page.getByTestId("import-warnings")).toHaveCount(0);
    // Focus on the way on, described by the counts: a screen reader reads both, and Enter opens the map.
    const open = page.getByTestId("import-open");
    await expect(open).toBeFocused();
    await expect(open).toHaveAccessibleDescription(/^Created 1 claim, 1 support/);
    await expect(open).toBeInViewport();
    await expectNoSeriousViolations(page);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/m\/[^/]+$/);
    await waitForEditor(page, 3);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uniforms");
  });
}

test("an AIF file from OVA keeps its dialogue layer: the report counts it, and the map's AIF export gives it back", async ({ page, request }) => {
  await page.goto("/");
  await page.getByTestId("import-map").setInputFiles({ name: "sugar-debate.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ AIF: DEBATE, OVA: { nodes: [] } })) });
  await expect(page.getByTestId("import-report").getByRole("heading")).toHaveText("Imported “sugar-debate.json”");
  await expect(page.getByTestId("import-created")).toContainText(`${DIALOGUE_NODES} nodes of AIF's dialogue layer (kept for export)`);
  await expect(page.getByTestId("import-open")).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/m\/[^/]+$/);
  await waitForEditor(page, 6);

  const exported = await request.get(`/api/maps/${tokenOf(page.url())}/export?format=aif`);
  const aif = (await exported.json()) as { nodes: { type: string; text: string }[]; participants: unknown[] };
  expect(aif.nodes.filter((node) => ["L", "YA", "TA"].includes(node.type)).map((node) => node.text)).toEqual(
    DEBATE.nodes.filter((node) => ["L", "YA", "TA"].includes(node.type)).map((node) => node.text),
  );
  expect(aif.participants).toEqual(DEBATE.participants);
});
