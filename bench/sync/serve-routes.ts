/**
 * The fallback for when `next build` cannot run: the real handlers on a node:http server. The
 * routes the bench calls are Next API routes (pages/api): they get Node's request and response,
 * with the path's and the URL's parameters in `request.query`, as Next hands them over.
 *
 *   npx tsx bench/sync.bench.ts --serve-routes <database-file> <port>
 */
import http from "node:http";
import type { NodeHandler, NodeRequest } from "../../lib/server/node-http";

type Route = { method: string; pattern: RegExp; node: NodeHandler };

export async function serveRoutes(dbFile: string, port: number): Promise<void> {
  const url = `file:${dbFile}`;
  const { deployMigrations } = await import("../../scripts/migrate.mjs");
  await deployMigrations(url);
  process.env.DATABASE_URL = url;
  const routes: Route[] = [
    { method: "POST", pattern: /^\/api\/maps$/, node: (await import("../../pages/api/maps/index")).default },
    { method: "POST", pattern: /^\/api\/maps\/([^/]+)\/ops$/, node: (await import("../../pages/api/maps/[token]/ops")).default },
    { method: "GET", pattern: /^\/api\/maps\/([^/]+)\/events$/, node: (await import("../../pages/api/maps/[token]/events")).default },
  ];
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const target = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "127.0.0.1"}`);
      const route = routes.find((entry) => entry.method === incoming.method && entry.pattern.test(target.pathname));
      if (!route) return void outgoing.writeHead(404, { "content-type": "application/json" }).end(`{"error":{"code":"not_found","message":"no such route"}}`);
      const token = decodeURIComponent(route.pattern.exec(target.pathname)?.[1] ?? "");
      (incoming as NodeRequest).query = { ...Object.fromEntries(target.searchParams), token };
      await route.node(incoming as NodeRequest, outgoing);
    } catch (error) {
      console.error("route adapter:", error);
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    }
  });
  server.listen(port, "127.0.0.1", () => console.log(`route handlers listening on http://127.0.0.1:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}
