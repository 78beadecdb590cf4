/**
 * Export and import of whole maps, in the formats lib/map knows how to write and read. Drawing
 * (SVG, PNG) and reading an imported file run in worker threads (workers/); every export is kept
 * per map revision (export-cache.ts), so an unchanged map is drawn once.
 */
import { toAif } from "../map/exchange/aif";
import { toArgdown } from "../map/exchange/argdown";
import type { ImportReport } from "../map/exchange/importReport";
import { dialogueFor, type DialogueLayer } from "../map/exchange/dialogue";
import { toJsonExport } from "../map/exchange/json";
import { docFromSnapshot, type MapDoc, type MapSnapshot } from "../map/types";
import type { VerdictMarks } from "../map/exchange/svgVerdict";
import { AppError, mapNotFound } from "./errors";
import { evaluationOf } from "./evaluation";
import { cachedExport, exportKey } from "./export-cache";
import { chargeExport } from "./fair-use";
import { requireAccess } from "./links";
import { createMapFromDoc, readDialogue, readSnapshot, type CreatedMap } from "./maps";
import { rasterize } from "./png";
import { inLane, inWorker, runJob } from "./workers/run-job";

export const EXPORT_FORMATS = ["json", "argdown", "aif", "svg", "png"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface Writer {
  extension: string;
  contentType: string;
  /** The snapshot too: the JSON export keeps its rows in the order the database gives them. */
  write(doc: MapDoc, snapshot: MapSnapshot, client: string, dialogue: DialogueLayer | null, options: ExportOptions): string | Promise<string | Uint8Array>;
  /** Whether it writes AIF's dialogue layer (read only for these). */
  dialogue?: true;
}

export interface ExportOptions {
  /** Pictures show which claims stand (labels and strengths) unless this is false. */
  evaluation: boolean;
}

/** What the pictures draw of the map's evaluation (the same one GET …/evaluation answers); plain data, for a worker. */
function marksFor(snapshot: MapSnapshot, options: ExportOptions): VerdictMarks | undefined {
  if (!options.evaluation) return undefined;
  const { labels, strengths } = evaluationOf(snapshot);
  return { labels, strengths };
}

const otherThanPng = EXPORT_FORMATS.filter((format) => format !== "png");

const WRITERS: Record<ExportFormat, Writer> = {
  json: { extension: "json", contentType: "application/json; charset=utf-8", dialogue: true, write: (_doc, snapshot, _client, dialogue) => JSON.stringify(toJsonExport(snapshot, dialogue), null, 2) },
  argdown: { extension: "argdown", contentType: "text/plain; charset=utf-8", write: (doc) => toArgdown(doc) },
  // AIFdb and OVA open ".json" files; ".aif.json" also says which JSON it is.
  aif: { extension: "aif.json", contentType: "application/json; charset=utf-8", dialogue: true, write: (doc, _snapshot, _client, dialogue) => JSON.stringify(toAif(doc, dialogue), null, 2) },
  svg: {
    extension: "svg",
    contentType: "image/svg+xml; charset=utf-8",
    write: (doc, snapshot, client, _dialogue, options) => runJob("render", { kind: "svg", doc, evaluation: marksFor(snapshot, options) }, client),
  },
  png: {
    extension: "png",
    contentType: "image/png",
    // The drawing in a worker, then libvips on its own threads, both in one turn of the render lane.
    write: (doc, snapshot, client, _dialogue, options) =>
      inLane("render", client, async (budget) => rasterize(await inWorker({ kind: "pngSource", doc, evaluation: marksFor(snapshot, options) }, budget, "render"), otherThanPng, budget.seconds)),
  },
};

function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

export interface ExportedMap {
  body: Uint8Array;
  contentType: string;
  fileName: string;
}

const encoder = new TextEncoder();

export async function exportMap(token: string, format: string, client: string, options: ExportOptions = { evaluation: true }): Promise<ExportedMap> {
  const chosen = format || "json";
  if (!isExportFormat(chosen)) {
    throw new AppError("invalid_input", `Unknown export format "${format}". Use one of: ${EXPORT_FORMATS.join(", ")}.`);
  }
  const access = await requireAccess(token);
  chargeExport(client, access.linkId);
  const snapshot = await readSnapshot(access.mapId);
  if (!snapshot) throw mapNotFound();
  const writer = WRITERS[chosen];
  // A picture without the labels is another file than one with them: cached apart.
  const key = exportKey(access.mapId, snapshot.revision, options.evaluation ? chosen : `${chosen} without evaluation`);
  const body = await cachedExport(key, async () => {
    // The layer never changes after the import, so the export cached per revision stays right.
    const doc = docFromSnapshot(snapshot);
    const kept = writer.dialogue ? await readDialogue(access.mapId) : null;
    const written = await writer.write(doc, snapshot, client, kept && dialogueFor(kept, doc), options);
    return typeof written === "string" ? encoder.encode(written) : written;
  });
  return { body, contentType: writer.contentType, fileName: `${fileNameFor(snapshot.map.title)}.${writer.extension}` };
}

/**
 * A new map from an uploaded file in any format lib/map reads: read in a worker thread within the
 * import budget, then written (with the import's report: what it made, what it could not hold), in one turn of the import lane (so one client's imports are read
 * and written one at a time). Nothing is created if it is refused.
 */
export async function importMap(body: string, contentType: string | null, origin: string, client: string): Promise<CreatedMap & { title: string; report: ImportReport }> {
  return inLane("import", client, async (budget) => {
    const parsed = await inWorker({ kind: "import", body, contentType }, budget, "import");
    if (!parsed.ok) throw new AppError(parsed.error.code === "too_large" ? "too_large" : "invalid_input", `Cannot import this map: ${parsed.error.message}`);
    const created = await createMapFromDoc(parsed.doc, origin, parsed.dialogue);
    return { ...created, title: parsed.doc.meta.title, report: parsed.report };
  });
}

function fileNameFor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-/, "").slice(0, 60).replace(/-$/, "") || "map";
}
