/**
 * The servers the sync bench drives: child processes, each in its own process group, killed at the
 * end whatever happens (also when the bench itself dies), and the production build they need.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Target } from "./rooms";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const START_TIMEOUT_MS = 120_000;

const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}
process.on("exit", () => children.forEach((child) => killGroup(child, "SIGKILL")));

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return void children.delete(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
  killGroup(child, "SIGKILL"); // next-server under serve-e2e, should it outlive its parent
  children.delete(child);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `node …args` ("{port}" replaced by a free port) and waits until it answers HTTP there. */
export async function startServer(label: string, args: string[], env: Record<string, string> = {}): Promise<{ target: Target; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, args.map((arg) => (arg === "{port}" ? String(port) : arg)), {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env, NODE_ENV: "production" },
  });
  children.add(child);
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answers(port)) return { target: { label, port }, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopChild(child);
  throw new Error(`${label} did not start on port ${port}:\n${output}`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/api/maps/unknown-token", agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

/** The production build, made when missing; false (with the reason printed) when it cannot be had. */
export function ensureBuild(): boolean {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  if (fs.existsSync(buildId)) {
    const sources = ["lib/server", "lib/map", "app/api", "pages/api"];
    if (newestSource(sources) > fs.statSync(buildId).mtimeMs) {
      console.error(`sync: ${distDir} is older than ${sources.join(", ")}: this measures the last build; \`npm run build\` to measure the current code`);
    }
    return true;
  }
  console.error(`sync: ${distDir}/BUILD_ID is missing, running \`next build\` (1–2 min)…`);
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: ROOT, encoding: "utf8", timeout: 600_000, env: { ...process.env, NODE_ENV: "production" } });
  if (build.status === 0 && fs.existsSync(buildId)) return true;
  console.error(`sync: next build failed, measuring the route handlers in-process instead:\n${`${build.stdout}\n${build.stderr}`.slice(-3000)}`);
  return false;
}

function newestSource(folders: string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test.")) newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(ROOT, folder))) visit(path.join(ROOT, folder));
  return newest;
}
