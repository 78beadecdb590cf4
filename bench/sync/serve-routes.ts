/**
 * The fallback for when `next build` cannot run: the real handlers on a node:http server. The live
 * routes are Next API routes (pages/api): they get Node's request and response, with the path's and
 * the URL's parameters in `request.query`, as Next hands them over. Creating a map is an App Router
 * route: it gets a web Request and its Response is piped back.
 *
 *   npx tsx bench/sync.bench.ts --serve-routes <database-file> <port>
 */
import http from "node:http";
import type { NodeHandler, NodeRequest } from "../../lib/server/node-http";

type WebHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { method: string; pattern: RegExp } & ({ node: NodeHandler } | { web: WebHandler });

export async function serveRoutes(dbFile: string, port: number): Promise<void> {
  const url = `file:${dbFile}`;
  const { deployMigrations } = await import("../../scripts/migrate.mjs");
  await deployMigrations(url);
  process.env.DATABASE_URL = url;
  const routes: Route[] = [
    { method: "POST", pattern: /^\/api\/maps$/, web: (await import("../../app/api/maps/route")).POST as unknown as WebHandler },
    { method: "POST", pattern: /^\/api\/maps\/([^/]+)\/ops$/, node: (await import("../../pages/api/maps/[token]/ops")).default },
    { method: "GET", pattern: /^\/api\/maps\/([^/]+)\/events$/, node: (await import("../../pages/api/maps/[token]/events")).default },
  ];
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const target = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "127.0.0.1"}`);
      const route = routes.find((entry) => entry.method === incoming.method && entry.pattern.test(target.pathname));
      if (!route) return void outgoing.writeHead(404, { "content-type": "application/json" }).end(`{"error":{"code":"not_found","message":"no such route"}}`);
      const token = decodeURIComponent(route.pattern.exec(target.pathname)?.[1] ?? "");
      if ("node" in route) {
        (incoming as NodeRequest).query = { ...Object.fromEntries(target.searchParams), token };
        return await route.node(incoming as NodeRequest, outgoing);
      }
      await pipeWebRoute(route.web, incoming, outgoing, target, token);
    } catch (error) {
      console.error("route adapter:", error);
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    }
  });
  server.listen(port, "127.0.0.1", () => console.log(`route handlers listening on http://127.0.0.1:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

/** Calls an App Router handler with a web Request made of `incoming`, and writes its Response to `outgoing`. */
async function pipeWebRoute(handler: WebHandler, incoming: http.IncomingMessage, outgoing: http.ServerResponse, target: URL, token: string): Promise<void> {
  const abort = new AbortController();
  outgoing.on("close", () => abort.abort());
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  const body = incoming.method === "POST" ? Buffer.concat(chunks) : undefined;
  const response = await handler(new Request(target, { method: incoming.method, headers, body, signal: abort.signal }), { params: Promise.resolve({ token }) });
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void outgoing.end();
  const reader = response.body.getReader();
  outgoing.on("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    outgoing.write(value);
  }
  outgoing.end();
}
