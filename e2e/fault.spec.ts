/**
 * Durability: the production server is killed with SIGKILL while ops stream in. Every op that got
 * an acknowledgment survives, a retried op is applied once, and a listener that resumes with
 * Last-Event-ID catches up on every revision exactly once.
 */
import { test, expect } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listenForOps } from "./support/op-listener";
import { extraPort } from "./support/ports";

const PORT = extraPort(3);
const BASE = `http://127.0.0.1:${PORT}`;
const TOTAL_OPS = 120;
const KILL_AFTER_ACKS = 40;

function startNext(databaseFile: string): ChildProcess {
  const env = { ...process.env, DATABASE_URL: `file:${databaseFile}` };
  const migrate = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], { env, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  // `next start` serves from this very process, so SIGKILL hits the server itself.
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: "ignore" });
}

async function waitUntilUp(): Promise<void> {
  await expect.poll(() => fetch(`${BASE}/api/maps/demo`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
}

test("no acknowledged op is lost when the server is killed with SIGKILL", async () => {
  test.setTimeout(180_000);
  const databaseFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "argumap-fault-")), "fault.db");
  let server = startNext(databaseFile);
  try {
    await waitUntilUp();
    const created = await (await fetch(`${BASE}/api/maps`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Fault" }) })).json();
    const token = created.links.edit.split("/m/")[1];
    const listener = listenForOps(BASE, token);
    const acked = new Set<string>();
    let killed = false;
    const firstServer = server;

    for (let i = 0; i < TOTAL_OPS; i++) {
      const op = { clientOpId: `op-${i}`, type: "addNode", node: { id: `n${i}`, kind: "claim", text: `claim ${i}`, x: i, y: 0 } };
      // Retry the same clientOpId until acknowledged, as the sync client does.
      for (let attempt = 0; ; attempt++) {
        expect(attempt).toBeLessThan(600);
        const response = await fetch(`${BASE}/api/maps/${token}/ops`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ clientId: "fault-test", ops: [op] }) }).catch(() => null);
        if (response?.ok) {
          const body = await response.json();
          expect(body.rejected).toEqual([]);
          acked.add(op.node.id);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!killed && acked.size === KILL_AFTER_ACKS) {
        killed = true;
        // Kill while the next op is in flight (the loop does not wait), then restart on the same file.
        const dying = server;
        dying.once("exit", () => (server = startNext(databaseFile)));
        setTimeout(() => dying.kill("SIGKILL"), 3);
      }
    }

    expect(server).not.toBe(firstServer); // the kill and restart really happened
    const snapshot = await (await fetch(`${BASE}/api/maps/${token}`)).json();
    const stored = new Set(snapshot.nodes.map((node: { id: string }) => node.id));
    for (const id of acked) expect(stored.has(id)).toBe(true);
    expect(snapshot.nodes).toHaveLength(TOTAL_OPS);
    expect(snapshot.revision).toBe(TOTAL_OPS);

    await expect.poll(() => listener.revisions.length, { timeout: 30_000 }).toBe(TOTAL_OPS);
    await listener.stop();
    expect(listener.revisions).toEqual(Array.from({ length: TOTAL_OPS }, (_, i) => i + 1));
  } finally {
    server.kill("SIGKILL");
  }
});
