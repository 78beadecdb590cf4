/**
 * GET (the presenter: links that may lead): without `session`, the map's presentation sessions;
 * with `session=ID|latest`, that session's counts per step and its questions, as JSON or, with
 * `format=csv`, as a CSV file. `download=1` answers as a file to save. A Node API route.
 */
import { resultsCsv } from "@/lib/map/room/reactions";
import { AppError } from "@/lib/server/errors";
import { requirePresenter } from "@/lib/server/leading";
import { requireAccess } from "@/lib/server/links";
import { nodeRoute, param, sendJson } from "@/lib/server/node-http";
import { sessionResults, sessionsOf } from "@/lib/server/reaction-results";

export const config = { api: { bodyParser: false } };

/** A file name from the map's title: letters, digits and dashes only. */
const fileName = (title: string, extension: string) => `${(title.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "map").toLowerCase()}-reactions.${extension}`;

export default nodeRoute({
  GET: async (request, response) => {
    const access = await requireAccess(param(request, "token"));
    await requirePresenter(access.mapId, access);
    const which = param(request, "session");
    if (which === "") return sendJson(response, 200, { sessions: await sessionsOf(access.mapId) }, { "cache-control": "no-store" });
    if (which !== "latest" && !/^[0-9a-f-]{36}$/.test(which)) throw new AppError("not_found", "No such presentation session on this map.");
    const format = param(request, "format") || "json";
    if (format !== "json" && format !== "csv") throw new AppError("invalid_input", 'format must be "json" or "csv".');
    const results = await sessionResults(access.mapId, which);
    const disposition: Record<string, string> = param(request, "download") === "1" || format === "csv" ? { "content-disposition": `attachment; filename="${fileName(results.mapTitle, format)}"` } : {};
    if (format === "json") return sendJson(response, 200, results, { "cache-control": "no-store", ...disposition });
    const csv = resultsCsv(results);
    response.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-length": Buffer.byteLength(csv), "cache-control": "no-store", ...disposition });
    response.end(csv);
  },
});
