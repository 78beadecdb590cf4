/**
 * A rolling restart on SQLite: a second server starts on the same database file while the first
 * still serves it. It starts (nothing to migrate, so it needs no lock), both answer every write
 * without a 500, and ops written through one reach a listener on the other.
 */
import { expect, test } from "@playwright/test";
import { startServer } from "./support/server";
import { extraPort } from "./support/ports";

test("a second server on the same SQLite file starts, writes never fail, and each sees the other's ops", async () => {
  test.setTimeout(150_000);
  const first = await startServer(extraPort(20));
  const second = await startServer(extraPort(21), first.databaseFile);
  try {
    const created = await (await fetch(`${first.url}/api/maps`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Rolling restart" }) })).json();
    const token = created.links.edit.split("/m/")[1];
    const revisions: number[] = [];
    const abort = new AbortController();
    const stream = fetch(`${second.url}/api/maps/${token}/events?since=0`, { signal: abort.signal }).then(async (response) => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        for (const match of text.matchAll(/^id: (\d+)\nevent: op$/gm)) if (!revisions.includes(Number(match[1]))) revisions.push(Number(match[1]));
      }
    }).catch(() => undefined);

    // Two writers, one per server, interleaving: every answer is 200 and nothing is rejected.
    const statuses: number[] = [];
    const writer = async (url: string, name: string) => {
      for (let i = 0; i < 40; i++) {
        const response = await fetch(`${url}/api/maps/${token}/ops`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ clientId: name, ops: [{ clientOpId: `${i}`, type: "addNode", node: { id: `${name}${i}`, kind: "claim", text: name, x: i, y: 0 } }] }) });
        statuses.push(response.status);
        expect((await response.json()).rejected).toEqual([]);
      }
    };
    await Promise.all([writer(first.url, "a"), writer(second.url, "b")]);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const snapshot = await (await fetch(`${second.url}/api/maps/${token}`)).json();
    expect(snapshot.revision).toBe(80);
    await expect.poll(() => revisions.length, { timeout: 15_000 }).toBe(80);
    expect(revisions).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    abort.abort();
    await stream;
  } finally {
    await second.stop();
    await first.stop();
  }
});
