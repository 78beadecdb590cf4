/**
 * Two instances on one PostgreSQL (started as the README says), people on different instances:
 * they see each other's edits and pointers live, a presenter on one leads a follower on the other
 * and counts the votes that reached either, rotating a link on one cuts off a viewer on the other
 * at once; and when one instance is killed with SIGKILL while clients post through both, every
 * acknowledged op is in the log exactly once and the listeners that stayed up end at the same
 * revision.
 */
import type { Browser, Page } from "@playwright/test";
import { startCluster, type RunningCluster } from "./support/cluster";
import { createMapViaApi, expect, fetchMap, node, nodeById, postOps, test, tokenOf, waitForEditor } from "./support/editor";
import { listenForOps } from "./support/op-listener";
import { extraPort } from "./support/ports";

let cluster: RunningCluster;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(150_000);
  cluster = await startCluster(extraPort(10), 2, { ARGUMAP_RATE_LIMITS: "off" });
});
test.afterAll(async () => cluster?.stop());

async function personOn(browser: Browser, baseURL: string, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1200, height: 800 } });
  await context.addInitScript((saved) => window.localStorage.setItem("argumap:name", saved), name);
  return context.newPage();
}

test("people on different instances see each other's edits and pointers live", async ({ browser, request }) => {
  const [a, b] = cluster.urls as [string, string];
  const { token } = await createMapViaApi(request, "Across instances", a);
  await postOps(request, token, [{ type: "addNode", node: node("first", "claim", "Homework should be banned", 0, 0) }], b);
  const ada = await personOn(browser, a, "Ada");
  const ben = await personOn(browser, b, "Ben");
  await ada.goto(`/m/${token}`);
  await ben.goto(`/m/${token}`);
  await waitForEditor(ada, 1);
  await waitForEditor(ben, 1);
  await expect(ada.locator('[data-testid="presence-peer"][data-name="Ben"]')).toBeVisible();
  await expect(ben.locator('[data-testid="presence-peer"][data-name="Ada"]')).toBeVisible();

  // An edit through instance B shows on A's canvas, and one through A on B's.
  await postOps(request, token, [{ type: "addNode", node: node("second", "support", "Pupils need rest", 0, 200) }], b);
  await expect(nodeById(ada, "second")).toContainText("Pupils need rest");
  await ada.keyboard.press("c");
  await expect.poll(async () => (await fetchMap(request, token, b)).nodes.length).toBe(3);
  await expect(ben.getByTestId("map-canvas").getByTestId("node")).toHaveCount(3);

  // Ada's pointer, sent to instance A, moves on Ben's screen, served by instance B.
  const canvas = (await ada.getByTestId("map-canvas").boundingBox())!;
  await ada.mouse.move(canvas.x + 300, canvas.y + 300);
  await ada.mouse.move(canvas.x + 340, canvas.y + 320, { steps: 4 });
  await expect(ben.locator('[data-testid="remote-pointer"][data-name="Ada"]')).toBeVisible();
  await ada.context().close();
  await ben.context().close();
});

test("rotating the view link on one instance cuts off a viewer on the other at once", async ({ browser, request }) => {
  const [a, b] = cluster.urls as [string, string];
  const { token, links } = await createMapViaApi(request, "Revoked across instances", a);
  await postOps(request, token, [{ type: "addNode", node: node("c", "claim", "A claim", 0, 0) }], a);
  const reader = await personOn(browser, b, "Reader");
  await reader.goto(`/m/${tokenOf(links.view)}`);
  await waitForEditor(reader, 1);
  const rotated = await request.post(`${a}/api/maps/${token}/links/rotate`, { data: { role: "view" } });
  expect(rotated.status()).toBe(200);
  await expect(reader.getByTestId("revoked-banner")).toBeVisible();
  // Instance B refuses the old link at once too (no cache window).
  expect((await request.get(`${b}/api/maps/${tokenOf(links.view)}`)).status()).toBe(404);
  expect((await request.get(`${b}/api/maps/${tokenOf((await rotated.json()).links.view)}`)).status()).toBe(200);
  await reader.context().close();
});

test("a presenter on one instance leads a follower on the other", async ({ browser, request }) => {
  const [a, b] = cluster.urls as [string, string];
  const { token, links } = await createMapViaApi(request, "Presenting across instances", a);
  await postOps(request, token, [
    { type: "addNode", node: node("c", "claim", "Homework should be banned", 0, 0) },
    { type: "addNode", node: node("s", "support", "Pupils need rest", -200, 200) },
    { type: "addEdge", edge: { id: "e", from: "s", to: "c", relation: "supports" } },
  ], a);
  const teacher = await personOn(browser, a, "Ms Rivera");
  const student = await personOn(browser, b, "Sam");
  await teacher.goto(`/m/${token}`);
  await waitForEditor(teacher, 2);
  await student.goto(`/m/${tokenOf(links.view)}`);
  await waitForEditor(student, 2);
  await teacher.getByTestId("present-button").click();
  await expect(teacher.getByTestId("present-stage")).toBeVisible();
  const banner = student.getByTestId("follow-banner");
  await expect(banner).toContainText("Following Ms Rivera");
  const shown = () => student.getByTestId("map-canvas").getByTestId("node").evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.id).sort());
  await expect.poll(shown).toEqual(["c"]);
  await teacher.keyboard.press("ArrowRight");
  await expect.poll(shown).toEqual(["c", "s"]);
  await teacher.context().close();
  await student.context().close();
});

test("phones voting through either instance count in the presenter's tally", async ({ browser, request }) => {
  const [a, b] = cluster.urls as [string, string];
  const { token, links } = await createMapViaApi(request, "Voting across instances", a);
  await postOps(request, token, [{ type: "addNode", node: node("c", "claim", "Homework should be banned", 0, 0) }], a);
  const teacher = await personOn(browser, a, "Ms Rivera");
  await teacher.goto(`/m/${token}/present`);
  await expect(teacher.getByTestId("lead-status")).toHaveAttribute("data-status", "leading");
  const presenter = await teacher.context().newPage();
  await presenter.goto(`/m/${token}/present?presenter=1`);
  const tally = presenter.getByTestId("presenter-room").getByTestId("tally");
  // One phone reached instance A, two reached instance B (a load balancer spreads them).
  const votes: [string, string, string][] = [[a, "voter-a-000001", "agree"], [b, "voter-b-000001", "disagree"], [b, "voter-b-000002", "disagree"]];
  for (const [url, voterId, vote] of votes) {
    expect((await request.post(`${url}/api/maps/${tokenOf(links.view)}/reactions`, { data: { voterId, step: 0, vote } })).status()).toBe(204);
  }
  await expect(tally).toHaveAttribute("data-agree", "1");
  await expect(tally).toHaveAttribute("data-disagree", "2");
  // A change of mind through B shows on A too.
  expect((await request.post(`${b}/api/maps/${tokenOf(links.view)}/reactions`, { data: { voterId: "voter-b-000002", step: 0, vote: "agree" } })).status()).toBe(204);
  await expect(tally).toHaveAttribute("data-agree", "2");
  await expect(tally).toHaveAttribute("data-disagree", "1");
  await teacher.context().close();
});

test("killing one instance with SIGKILL while clients post through both loses no acknowledged op and duplicates none", async () => {
  test.setTimeout(150_000);
  const [a, b] = cluster.urls as [string, string];
  const created = await (await fetch(`${a}/api/maps`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Fault across instances" }) })).json();
  const token = tokenOf(created.links.edit);
  const listeners = [listenForOps(a, token), listenForOps(b, token)];
  const acked = new Map<string, number>();
  const OPS_PER_CLIENT = 60;
  let killed = false;

  // Two clients, one per instance, each retrying an op until acknowledged (as the sync client does).
  const client = async (name: string, url: string) => {
    for (let i = 0; i < OPS_PER_CLIENT; i++) {
      const op = { clientOpId: `${name}-${i}`, type: "addNode", node: { id: `${name}${i}`, kind: "claim", text: `${name} ${i}`, x: i, y: 0 } };
      for (let attempt = 0; ; attempt++) {
        expect(attempt).toBeLessThan(600);
        const response = await fetch(`${url}/api/maps/${token}/ops`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ clientId: name, ops: [op] }) }).catch(() => null);
        if (response?.ok) {
          const body = await response.json();
          expect(body.rejected).toEqual([]);
          acked.set(op.clientOpId, body.applied[0].revision);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!killed && acked.size >= OPS_PER_CLIENT / 2) {
        killed = true;
        void cluster.kill(0); // instance A dies mid-stream; the cluster script restarts it
      }
    }
  };
  await Promise.all([client("ada", a), client("ben", b)]);
  expect(killed).toBe(true);

  const log = await (await fetch(`${b}/api/maps/${token}`)).json();
  expect(log.revision).toBe(2 * OPS_PER_CLIENT);
  expect(log.nodes).toHaveLength(2 * OPS_PER_CLIENT);
  const stored = new Set(log.nodes.map((n: { id: string }) => n.id));
  for (const clientOpId of acked.keys()) expect(stored.has(clientOpId.replace("-", ""))).toBe(true);
  // Each acknowledged op holds its own revision: none twice.
  expect(new Set(acked.values()).size).toBe(acked.size);

  const every = Array.from({ length: 2 * OPS_PER_CLIENT }, (_, i) => i + 1);
  for (const listener of listeners) await expect.poll(() => listener.revisions.length, { timeout: 30_000 }).toBe(every.length);
  for (const listener of listeners) {
    await listener.stop();
    expect(listener.revisions).toEqual(every);
  }
});
