/** Export and import of whole maps, in the formats lib/map knows how to write and read. */
import { toArgdown } from "../map/exchange/argdown";
import { parseJsonImport, toJsonExport } from "../map/exchange/json";
import { docFromSnapshot } from "../map/types";
import { AppError } from "./errors";
import { createMapFromDoc, requireSnapshot, type CreatedMap } from "./maps";

export const EXPORT_FORMATS = ["json", "argdown"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export async function exportMap(token: string, format: string | null): Promise<Response> {
  const chosen = (format ?? "json") as ExportFormat;
  if (!EXPORT_FORMATS.includes(chosen)) {
    throw new AppError("invalid_input", `Unknown export format "${format}". Use one of: ${EXPORT_FORMATS.join(", ")}.`);
  }
  const { snapshot } = await requireSnapshot(token);
  const name = fileNameFor(snapshot.map.title);
  if (chosen === "argdown") {
    return new Response(toArgdown(docFromSnapshot(snapshot)), {
      headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `attachment; filename="${name}.argdown"` },
    });
  }
  return new Response(JSON.stringify(toJsonExport(snapshot), null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${name}.json"` },
  });
}

export async function importMap(body: unknown, origin: string): Promise<CreatedMap> {
  const parsed = parseJsonImport(body);
  if (!parsed.ok) throw new AppError(parsed.error.code === "too_large" ? "too_large" : "invalid_input", `Cannot import this map: ${parsed.error.message}`);
  return createMapFromDoc(parsed.doc, origin);
}

function fileNameFor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "map";
}
