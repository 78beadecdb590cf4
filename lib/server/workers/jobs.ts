/**
 * The heavy work of a request, as jobs a worker thread does (job.worker.ts): reading an imported
 * file into a doc (whatever parser parseMapImport uses, then verifyImport), and drawing a map as
 * SVG. Plain data in, plain data out, so the same code runs in a worker and in tests.
 *
 * The interface, for whoever adds work here:
 * - A new importer (another parser, another format) needs no change in this folder: make
 *   `parseMapImport` (lib/map/exchange/import.ts) call it. It then runs in the import worker,
 *   within ARGUMAP_IMPORT_SECONDS and ARGUMAP_IMPORT_MEMORY_MB, and `verifyImport` checks what it
 *   returns (schemas, limits, integrity) before anything is stored. It must be pure
 *   and importable from a worker (no React, Prisma or Next), and should stop at the limits while
 *   building (LIMITS in lib/map/limits.ts), not after. It may be async (the Argdown importer
 *   loads @argdown/core, an ES module, with import()); the worker awaits it within the budget.
 * - A new kind of job: add it to `Job` (its input: structured-cloneable data only, no functions or
 *   class instances), its answer type to `JobValues`, and a case to `performJob`; the caller runs
 *   it with `runJob(lane, job, clientAddress)` (run-job.ts), which waits for a fair turn in the
 *   lane and turns a timeout into 422 and running out of memory into 413.
 * - A throw inside a job becomes `{ok: false, crashed}`: a 422 naming what failed, never a 500
 *   and never a dead server.
 */
import { parseMapImport } from "../../map/exchange/import";
import type { ImportResult } from "../../map/exchange/importedDoc";
import { pngSource } from "../../map/exchange/pngDrawing";
import { toSvg } from "../../map/exchange/svg";
import { verifyImport } from "../../map/exchange/verifyImport";
import type { VerdictMarks } from "../../map/exchange/svgVerdict";
import type { MapDoc } from "../../map/types";

export type Job =
  | { kind: "import"; body: string; contentType: string | null }
  | { kind: "svg"; doc: MapDoc; evaluation?: VerdictMarks }
  | { kind: "pngSource"; doc: MapDoc; evaluation?: VerdictMarks };

export interface JobValues {
  import: ImportResult;
  svg: string;
  pngSource: string;
}

export type JobAnswer<K extends Job["kind"] = Job["kind"]> = { ok: true; value: JobValues[K] } | { ok: false; crashed: string };

export async function performJob(job: Job): Promise<JobAnswer> {
  try {
    switch (job.kind) {
      case "import":
        return { ok: true, value: verifyImport(await parseMapImport(job.body, job.contentType)) };
      case "svg":
        return { ok: true, value: toSvg(job.doc, { evaluation: job.evaluation }) };
      case "pngSource":
        return { ok: true, value: pngSource(job.doc, job.evaluation) };
    }
  } catch (error) {
    // A bug in a parser or drawing (or a stack overflow on a pathological input): the request
    // fails with a message, the server carries on.
    return { ok: false, crashed: error instanceof Error ? error.message : String(error) };
  }
}
