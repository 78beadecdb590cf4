/**
 * Tabs and departures (issue 11): two tabs of one browser editing offline, one closed before the
 * network is back, lose nothing and send nothing twice; a person with several tabs is shown once;
 * a browser that dies leaves the others' screens within seconds, and so does a presenter, whose
 * followers are released with a notice.
 */
import type { Page, TestInfo } from "@playwright/test";
import { createMapViaApi, expect, expectSaved, fetchMap, node, nodesOn, postOps, test, waitForEditor } from "./support/editor";
import { historyTexts, joinedPeople, nodeIds, nodeText, notice, openText, peer, textInput } from "./support/people";

/** Double-clicks an empty spot of the canvas and writes a new claim; returns its id. */
async function addClaimAt(page: Page, offset: { x: number; y: number }, text: string): Promise<string> {
  const known = await nodeIds(page);
  const box = (await page.getByTestId("map-canvas").boundingBox())!;
  await page.mouse.dblclick(box.x + offset.x, box.y + offset.y);
  await expect(nodesOn(page)).toHaveCount(known.length + 1);
  const id = (await nodeIds(page)).find((candidate) => !known.includes(candidate))!;
  await expect(textInput(page, id)).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await expect(nodeText(page, id)).toHaveText(text);
  return id;
}

const queueKeys = (page: Page, token: string) =>
  page.evaluate((prefix) => Object.keys(window.localStorage).filter((key) => key.startsWith(prefix)), `argumap:queue:${token}:`);

/** How long (ms) until `gone` holds, polling often: a measurement to report, never an assertion. */
async function measure(testInfo: TestInfo, what: string, since: number, gone: () => Promise<void>): Promise<void> {
  await gone();
  const ms = Date.now() - since;
  testInfo.annotations.push({ type: "measured", description: `${what}: ${ms} ms` });
  console.log(`measured: ${what}: ${ms} ms`);
}

async function crash(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // The renderer dies at once, with no goodbye: the call never answers.
  void cdp.send("Page.crash").catch(() => undefined);
}

test.describe("tabs and departures", () => {
  const join = joinedPeople(test);

  test("two tabs of one browser edit offline, one is closed: every op of both reaches the server exactly once", async ({ browser, baseURL, request }) => {
    const { token } = await createMapViaApi(request, "Two tabs");
    await postOps(request, token, [{ type: "addNode", node: node("kept", "claim", "Before the train", 0, 0) }]);
    const start = (await fetchMap(request, token)).revision;
    const { context, page: one } = await join(browser, baseURL!, `/m/${token}`, "Tess");
    const two = await context.newPage();
    await two.goto(`/m/${token}`);
    const ben = (await join(browser, baseURL!, `/m/${token}`, "Ben")).page;
    for (const page of [one, two, ben]) await waitForEditor(page, 1);

    // One person, two tabs: shown once to the others, with the tabs counted.
    await expect(peer(ben, "Tess")).toHaveCount(1);
    await expect(peer(ben, "Tess")).toHaveAttribute("data-tabs", "2");
    await expect(one.getByTestId("presence-own-tabs")).toHaveAttribute("data-tabs", "2");

    await context.setOffline(true);
    await expect(one.getByTestId("connection-status")).toHaveAttribute("data-connection", "offline");
    await openText(one, "kept");
    await textInput(one, "kept").fill("Written in tab one");
    await textInput(one, "kept").press("Enter");
    const fromOne = await addClaimAt(one, { x: 300, y: 500 }, "Added in tab one");
    const fromTwo = await addClaimAt(two, { x: 800, y: 300 }, "Added in tab two");
    await expect(two.getByTestId("save-status")).toHaveAttribute("data-status", "offline");
    // Each tab keeps its own queue: neither can overwrite the other's.
    await expect.poll(() => queueKeys(two, token)).toHaveLength(2);

    await one.close();
    await context.setOffline(false);
    await expectSaved(two);
    await expect(nodeText(ben, fromOne)).toHaveText("Added in tab one");
    await expect(nodeText(ben, fromTwo)).toHaveText("Added in tab two");
    await expect(nodeText(ben, "kept")).toHaveText("Written in tab one");
    await expect.poll(() => queueKeys(two, token)).toEqual([]);
    // Five ops in all (a text, and an add plus its text twice over), each applied once.
    const server = await fetchMap(request, token);
    expect(server.revision).toBe(start + 5);
    expect(server.nodes.map((n) => n.text).sort()).toEqual(["Added in tab one", "Added in tab two", "Written in tab one"]);
    expect(await historyTexts(two, token, "kept")).toEqual(["Before the train", "Written in tab one"]);
    await expect(peer(ben, "Tess")).toHaveAttribute("data-tabs", "1");
  });

  test("a browser that dies leaves the others' screens within seconds, whether its stream drops or its heartbeats stop", async ({ browser, baseURL, request }, testInfo) => {
    const { token } = await createMapViaApi(request, "Ghosts");
    await postOps(request, token, [{ type: "addNode", node: node("n", "claim", "Who is still here?", 0, 0) }]);
    const ben = (await join(browser, baseURL!, `/m/${token}`, "Ben")).page;
    const ada = await join(browser, baseURL!, `/m/${token}`, "Ada");
    const cy = (await join(browser, baseURL!, `/m/${token}`, "Cy")).page;
    for (const page of [ben, ada.page, cy]) await waitForEditor(page, 1);
    await expect(peer(ben, "Ada")).toBeVisible();
    await expect(peer(ben, "Cy")).toBeVisible();
    await nodeText(ada.page, "n").click();
    await expect(ben.locator('[data-testid="remote-selection"][data-name="Ada"]')).toBeVisible();

    // The laptop lid closes: the network goes, nothing is said, heartbeats stop.
    const lidClosed = Date.now();
    await ada.context.setOffline(true);
    await measure(testInfo, "network lost: gone from the others' screens after", lidClosed, async () => {
      await expect(peer(ben, "Ada")).toHaveCount(0);
      await expect(ben.locator('[data-testid="remote-selection"][data-name="Ada"]')).toHaveCount(0);
    });

    // The tab's process dies: its event stream closes with no goodbye.
    const crashed = Date.now();
    await crash(cy);
    await measure(testInfo, "tab crashed: gone from the others' screens after", crashed, () => expect(peer(ben, "Cy")).toHaveCount(0));
    await expect(nodeText(ben, "n")).toHaveText("Who is still here?");
  });

  test("followers of a presenter whose browser dies are released with a notice", async ({ browser, baseURL, request }, testInfo) => {
    const { token } = await createMapViaApi(request, "Vanishing presenter");
    await postOps(request, token, [
      { type: "addNode", node: node("c", "claim", "Homework should be banned", 0, 0) },
      { type: "addNode", node: node("s", "support", "Pupils are exhausted", 0, 260) },
      { type: "addEdge", edge: { id: "e", from: "s", to: "c", relation: "supports" } },
    ]);
    const ben = (await join(browser, baseURL!, `/m/${token}`, "Ben")).page;
    await waitForEditor(ben, 2);
    const presenter = await join(browser, baseURL!, `/m/${token}/present`, "Ada");
    await expect(presenter.page.getByTestId("present-stage")).toBeVisible();
    const banner = ben.getByTestId("follow-banner");
    await expect(banner).toHaveAttribute("data-following", "true");
    await expect(banner).toContainText("Following Ada");
    await expect(nodesOn(ben).filter({ hasText: "Pupils are exhausted" })).toBeHidden();

    const vanished = Date.now();
    await crash(presenter.page);
    await measure(testInfo, "presenter's tab crashed: followers released after", vanished, () => expect(banner).toHaveCount(0));
    await expect(notice(ben, "Ada is no longer presenting")).toBeVisible();
    await expect(nodesOn(ben).filter({ hasText: "Pupils are exhausted" })).toBeVisible();
  });
});
