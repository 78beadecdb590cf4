/** Starts and stops an extra production server for tests that need to kill it (the shared one stays up). */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  databaseFile: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServer(port: number, databaseFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "argumap-e2e-")), "e2e.db")): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve-e2e.mjs", String(port), databaseFile], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => output);
  return {
    url,
    databaseFile,
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        // The wrapper forwards the signal; SIGKILL would orphan next, so kill the whole group by hand.
        child.kill(signal === "SIGKILL" ? "SIGTERM" : signal);
      }),
  };
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    const ok = await fetch(`${url}/api/maps/demo`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not start in time:\n${output()}`);
}
