/**
 * The baseline of the sync bench: the least a server can do for a collaborative editor's op round
 * trip. It speaks the same three routes as Argumap (create a map, post ops, stream events) with the
 * same frame shape, so the bench drives both with one client; but an op is only given the next
 * revision in memory (each op of a request its own) and written to every open stream before the
 * POST is answered: no validation, no database, no durability.
 *
 *   node --import tsx bench/sse-baseline.ts <port>      serves on 127.0.0.1 until killed
 */
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

interface BaselineMap {
  revision: number;
  streams: Set<http.ServerResponse>;
}

const MAX_BODY = 2_000_000;

export function createBaselineServer(): http.Server {
  const maps = new Map<string, BaselineMap>();
  let nextMap = 0;

  return http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const parts = url.pathname.split("/").filter(Boolean); // api, maps, token?, ops|events?
    if (parts[0] !== "api" || parts[1] !== "maps") return answer(response, 404, { error: { code: "not_found", message: "no such route" } });

    if (request.method === "POST" && parts.length === 2) {
      const token = `baseline-${++nextMap}`;
      maps.set(token, { revision: 0, streams: new Set() });
      const origin = `http://${request.headers.host ?? "127.0.0.1"}`;
      request.resume();
      return answer(response, 201, { id: token, links: { owner: `${origin}/m/${token}`, edit: `${origin}/m/${token}`, view: `${origin}/m/${token}` } });
    }

    const map = maps.get(parts[2] ?? "");
    if (!map) return answer(response, 404, { error: { code: "not_found", message: "no such map" } });

    if (request.method === "GET" && parts[3] === "events") {
      response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive" });
      response.write("retry: 1000\n\n");
      map.streams.add(response);
      response.on("close", () => map.streams.delete(response));
      return;
    }

    if (request.method === "POST" && parts[3] === "ops") {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      request.on("end", () => {
        if (size > MAX_BODY) return answer(response, 413, { error: { code: "too_large", message: "body too large" } });
        let body: { clientId: string; author?: string; ops: { clientOpId: string }[] };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return answer(response, 400, { error: { code: "invalid_input", message: "not JSON" } });
        }
        const applied: { clientOpId: string; revision: number }[] = [];
        let frames = "";
        for (const { clientOpId, ...op } of body.ops) {
          const revision = ++map.revision;
          const entry = { revision, clientId: body.clientId, clientOpId, author: body.author ?? "", op };
          frames += `id: ${revision}\nevent: op\ndata: ${JSON.stringify(entry)}\n\n`;
          applied.push({ clientOpId, revision });
        }
        // A request's frames go to each stream as one write, as Argumap's streams coalesce a tick's frames.
        for (const stream of map.streams) stream.write(frames);
        answer(response, 200, { revision: map.revision, applied, rejected: [] });
      });
      return;
    }
    answer(response, 404, { error: { code: "not_found", message: "no such route" } });
  });
}

function answer(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const port = Number(process.argv[2] ?? "3290");
  const server = createBaselineServer();
  server.listen(port, "127.0.0.1", () => console.log(`sse-baseline listening on http://127.0.0.1:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}
