/** Starts and stops an extra production server for tests that need to kill it (the shared one stays up). */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  databaseFile: string;
  /**
   * Sends the signal to the server (the wrapper script and `next start` alike) and resolves when
   * it has exited. SIGKILL is a crash. If the server is still up after a graceful signal's grace
   * period, it is killed and the promise rejects: a server that ignores SIGTERM is a bug to see.
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const STOP_GRACE_MS = 15_000;
/** Servers this process started and has not seen exit: never left behind if a test dies. */
const running = new Set<ChildProcess>();
let cleanupInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // The server runs in its own process group, so `next start` gets the signal directly too.
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once("exit", () => {
    for (const child of running) killGroup(child, "SIGKILL");
  });
}

export async function startServer(port: number, databaseFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "argumap-e2e-")), "e2e.db")): Promise<RunningServer> {
  installCleanup();
  const child: ChildProcess = spawn(process.execPath, ["scripts/serve-e2e.mjs", String(port), databaseFile], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => (running.delete(child), resolve())));
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child, () => output);
  } catch (error) {
    killGroup(child, "SIGKILL");
    await exited;
    throw error;
  }
  return {
    url,
    databaseFile,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, signal);
      if (signal === "SIGKILL") return exited.then(() => waitUntilDown(url));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const hung = new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), STOP_GRACE_MS)));
      const outcome = await Promise.race([exited.then(() => "exited" as const), hung]);
      clearTimeout(timer);
      if (outcome === "exited") return waitUntilDown(url);
      killGroup(child, "SIGKILL");
      await exited;
      await waitUntilDown(url);
      throw new Error(`the server on port ${port} was still running ${STOP_GRACE_MS / 1000} s after ${signal}, so it was killed`);
    },
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

/** The port refuses connections (a killed `next start` may outlive its wrapper by a moment). */
async function waitUntilDown(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const up = await fetch(`${url}/api/maps/demo`, { signal: AbortSignal.timeout(1_000) }).then(() => true, () => false);
    if (!up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server at ${url} still answers after it was stopped`);
}
