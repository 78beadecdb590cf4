/** Export and import of whole maps, in the formats lib/map knows how to write and read. */
import { toAif } from "../map/exchange/aif";
import { toArgdown } from "../map/exchange/argdown";
import { parseMapImport } from "../map/exchange/import";
import { toJsonExport } from "../map/exchange/json";
import { toSvg } from "../map/exchange/svg";
import { docFromSnapshot, type MapDoc, type MapSnapshot } from "../map/types";
import { AppError } from "./errors";
import { evaluationOf } from "./evaluation";
import { createMapFromDoc, requireSnapshot, type CreatedMap } from "./maps";
import { mapToPng } from "./png";

export const EXPORT_FORMATS = ["json", "argdown", "aif", "svg", "png"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface Writer {
  extension: string;
  contentType: string;
  /** The snapshot too: the JSON export keeps its rows in the order the database gives them. */
  write(doc: MapDoc, snapshot: MapSnapshot, options: ExportOptions): string | Promise<Uint8Array>;
}

export interface ExportOptions {
  /** Pictures show which claims stand (labels and strengths) unless this is false. */
  evaluation: boolean;
}

/** What the pictures draw of the map's evaluation (the same one GET …/evaluation answers). */
const marksFor = (snapshot: MapSnapshot, options: ExportOptions) => (options.evaluation ? evaluationOf(snapshot) : undefined);

const WRITERS: Record<ExportFormat, Writer> = {
  json: { extension: "json", contentType: "application/json; charset=utf-8", write: (_doc, snapshot) => JSON.stringify(toJsonExport(snapshot), null, 2) },
  argdown: { extension: "argdown", contentType: "text/plain; charset=utf-8", write: toArgdown },
  // AIFdb and OVA open ".json" files; ".aif.json" also says which JSON it is.
  aif: { extension: "aif.json", contentType: "application/json; charset=utf-8", write: (doc) => JSON.stringify(toAif(doc), null, 2) },
  svg: { extension: "svg", contentType: "image/svg+xml; charset=utf-8", write: (doc, snapshot, options) => toSvg(doc, { evaluation: marksFor(snapshot, options) }) },
  png: {
    extension: "png",
    contentType: "image/png",
    write: async (doc, snapshot, options) => new Uint8Array(await mapToPng(doc, EXPORT_FORMATS.filter((format) => format !== "png"), marksFor(snapshot, options))),
  },
};

function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

export async function exportMap(token: string, format: string | null, options: ExportOptions = { evaluation: true }): Promise<Response> {
  const chosen = format ?? "json";
  if (!isExportFormat(chosen)) {
    throw new AppError("invalid_input", `Unknown export format "${format}". Use one of: ${EXPORT_FORMATS.join(", ")}.`);
  }
  const { snapshot } = await requireSnapshot(token);
  const writer = WRITERS[chosen];
  const body = await writer.write(docFromSnapshot(snapshot), snapshot, options);
  return new Response(body as BodyInit, {
    headers: {
      "content-type": writer.contentType,
      "content-disposition": `attachment; filename="${fileNameFor(snapshot.map.title)}.${writer.extension}"`,
      // A download of the map as it is now, never a stale copy.
      "cache-control": "no-store",
    },
  });
}

/** A new map from an uploaded file in any format parseMapImport reads; nothing is created if it is refused. */
export async function importMap(body: string, contentType: string | null, origin: string): Promise<CreatedMap & { title: string }> {
  const parsed = parseMapImport(body, contentType);
  if (!parsed.ok) throw new AppError(parsed.error.code === "too_large" ? "too_large" : "invalid_input", `Cannot import this map: ${parsed.error.message}`);
  const created = await createMapFromDoc(parsed.doc, origin);
  return { ...created, title: parsed.doc.meta.title };
}

function fileNameFor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-/, "").slice(0, 60).replace(/-$/, "") || "map";
}
