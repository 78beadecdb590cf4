/**
 * The two servers the ui bench loads pages from: Argumap's production server
 * (`scripts/serve-e2e.mjs`, started as the sync bench starts it: a child in its own process group,
 * killed with its group whatever happens) and a tiny node:http server for the bare React Flow page.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { ROOT, startServer, stopChild } from "../sync/servers";
import type { BareFlowBundle } from "./bundle";

export interface Served {
  origin: string;
  stop(): Promise<void>;
}

/** The build `next start` serves; the bench never builds it (that takes minutes). */
export function requireBuild(): string {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    throw new Error(`ui: ${distDir}/BUILD_ID is missing: build first (\`npm run build\`, or \`NEXT_DIST_DIR=${distDir} npx next build\`)`);
  }
  return distDir;
}

/** `next start` on a fresh, migrated SQLite file in a temp dir, with the per-link write limit lifted. */
export async function startArgumap(): Promise<Served> {
  requireBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "argumap-ui-bench-"));
  try {
    const { target, child } = await startServer("next start", [path.join(ROOT, "scripts", "serve-e2e.mjs"), "{port}", path.join(dir, "ui.db")], { ARGUMAP_RATE_LIMITS: "off" });
    const stop = async () => {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { origin: `http://127.0.0.1:${target.port}`, stop };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The bare React Flow page, with the map inlined in its HTML like our server-rendered snapshot. */
export async function serveBareFlow(bundle: BareFlowBundle, mapJson: string): Promise<Served> {
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"><title>bare React Flow</title>',
    '<link rel="stylesheet" href="/app.css"><style>body{margin:0}</style></head><body>',
    `<div id="root"></div><script type="application/json" id="map">${mapJson.replace(/</g, "\\u003c")}</script>`,
    '<script src="/app.js"></script></body></html>',
  ].join("");
  const files: Record<string, [string, string]> = {
    "/": ["text/html; charset=utf-8", html],
    "/app.js": ["text/javascript; charset=utf-8", bundle.script],
    "/app.css": ["text/css; charset=utf-8", bundle.style],
  };
  const server = http.createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://localhost").pathname];
    response.writeHead(file ? 200 : 404, { "content-type": file?.[0] ?? "text/plain", "cache-control": "no-store" });
    response.end(file?.[1] ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
