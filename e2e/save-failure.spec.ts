/**
 * When the server goes away, nothing a user did is lost: the header says the change is not saved,
 * the change stays on screen (and in the browser across a reload), and it reaches the server
 * exactly once when the server is back. Each test runs its own server, which it stops and restarts
 * on the same port and database file.
 */
import { startServer, type RunningServer } from "./support/server";
import { createMapViaApi, edgeLabels, expect, expectSaved, fetchMap, node, nodeById, nodesOn, postOps, test, waitForEditor } from "./support/editor";
import type { Page } from "@playwright/test";
import { extraPort } from "./support/ports";

const PORT = extraPort(1);
/** How long the client may take to notice the server is back (its retries back off to a few seconds). */
const RECOVERY_TIMEOUT = 60_000;

let server: RunningServer | null = null;

test.describe.configure({ timeout: 180_000 });

test.afterEach(async () => {
  await server?.stop("SIGKILL");
  server = null;
});

async function openMapWithOneClaim(page: Page, request: import("@playwright/test").APIRequestContext): Promise<{ token: string; url: string }> {
  server = await startServer(PORT);
  const { token } = await createMapViaApi(request, "Offline editing", server.url);
  await postOps(request, token, [{ type: "addNode", node: node("claim-1", "claim", "Libraries should open on Sundays", 0, 0) }], server.url);
  const url = `${server.url}/m/${token}`;
  await page.goto(url);
  await waitForEditor(page, 1);
  await expectSaved(page);
  return { token, url };
}

/** The server goes away as in a crash (SIGKILL): it gets no chance to tell anyone. */
async function stopServer(page: Page): Promise<string> {
  const databaseFile = server!.databaseFile;
  await server!.stop("SIGKILL");
  server = null;
  await expect(page.getByTestId("connection-status")).not.toHaveAttribute("data-connection", "connected");
  return databaseFile;
}

async function expectNotSavedAlert(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", /^(error|offline)$/);
  await expect(page.getByTestId("save-status")).toContainText(/not saved|when online/i);
  await expect(page.getByTestId("save-error")).toContainText(/not saved/i);
  await expect(page.getByTestId("save-error")).toBeVisible();
}

test("an edit made while the server is down is shown as not saved, stays on screen, and is saved when the server is back", async ({ page, request }) => {
  const { token } = await openMapWithOneClaim(page, request);
  const databaseFile = await stopServer(page);

  // With the claim selected, R adds a rebuttal to it, open for typing.
  await nodeById(page, "claim-1").getByTestId("node-text").click();
  await page.keyboard.press("r");
  await expect(nodesOn(page)).toHaveCount(2);
  await expect(page.getByTestId("node-text-input")).toBeFocused();
  await page.keyboard.type("Staff deserve a day off");
  await page.keyboard.press("Enter");

  await expectNotSavedAlert(page);
  await expect(page.getByTestId("node-text").filter({ hasText: "Staff deserve a day off" })).toBeVisible();
  await expect(edgeLabels(page)).toHaveAttribute("data-relation", "rebuts");

  server = await startServer(PORT, databaseFile);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: RECOVERY_TIMEOUT });
  await expect(page.getByTestId("save-error")).toBeEmpty();
  await expect(page.getByTestId("node-text").filter({ hasText: "Staff deserve a day off" })).toBeVisible();

  const saved = await fetchMap(request, token, server.url);
  expect(saved.nodes).toHaveLength(2);
  const rebuttal = saved.nodes.find((n) => n.id !== "claim-1")!;
  expect(rebuttal).toMatchObject({ kind: "rebuttal", text: "Staff deserve a day off" });
  expect(saved.edges.map(({ from, to, relation }) => ({ from, to, relation }))).toEqual([{ from: rebuttal.id, to: "claim-1", relation: "rebuts" }]);
});

test("a reload while the server is down keeps the unsaved changes, which are sent exactly once when it is back", async ({ page, request }) => {
  const { token, url } = await openMapWithOneClaim(page, request);
  const databaseFile = await stopServer(page);

  // Two changes while the server is away: the claim's text, and a support added to it.
  await nodeById(page, "claim-1").getByTestId("node-text").dblclick();
  const input = nodeById(page, "claim-1").getByTestId("node-text-input");
  await expect(input).toBeFocused();
  await input.fill("Libraries should open every Sunday");
  await input.press("Enter");
  await expect(nodeById(page, "claim-1").getByTestId("node-text")).toHaveText("Libraries should open every Sunday");
  await page.getByTestId("toolbar-addSupportTo").click();
  await expect(nodesOn(page)).toHaveCount(2);
  await expect(page.getByTestId("node-text-input")).toBeFocused();
  await page.keyboard.type("Families are free at weekends");
  await page.keyboard.press("Enter");
  await expectNotSavedAlert(page);

  // The page cannot even load while its server is down...
  await expect(page.reload()).rejects.toThrow(/ERR_CONNECTION_REFUSED/);

  // ...and when it is back, the changes made before the reload are still there and get saved.
  server = await startServer(PORT, databaseFile);
  await page.goto(url);
  await expect(nodesOn(page)).toHaveCount(2);
  await expect(nodeById(page, "claim-1").getByTestId("node-text")).toHaveText("Libraries should open every Sunday");
  await expect(page.getByTestId("node-text").filter({ hasText: "Families are free at weekends" })).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", { timeout: RECOVERY_TIMEOUT });

  const saved = await fetchMap(request, token, server.url);
  expect(saved.nodes).toHaveLength(2);
  expect(saved.nodes.find((n) => n.id === "claim-1")!.text).toBe("Libraries should open every Sunday");
  const support = saved.nodes.find((n) => n.id !== "claim-1")!;
  expect(support).toMatchObject({ kind: "support", text: "Families are free at weekends" });
  expect(saved.edges.map(({ from, to, relation }) => ({ from, to, relation }))).toEqual([{ from: support.id, to: "claim-1", relation: "supports" }]);

  // Sent once: another reload sends nothing more and shows the same two nodes.
  await page.reload();
  await waitForEditor(page, 2);
  await expectSaved(page);
  await expect(edgeLabels(page)).toHaveCount(1);
  const again = await fetchMap(request, token, server.url);
  expect(again.revision).toBe(saved.revision);
  expect(again.nodes).toHaveLength(2);
});

// `next start` waits for open responses before exiting; the server closes its event streams on
// SIGTERM (instrumentation.ts), so a deploy can stop it gracefully while maps are open.
test("the server stops on SIGTERM while a map is open in a browser", async ({ page, request }) => {
  await openMapWithOneClaim(page, request);
  const stopping = server!;
  server = null;
  await stopping.stop("SIGTERM");
});
