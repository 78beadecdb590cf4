/**
 * Maps that were written before node history existed have ops but no versions. The migration that
 * added the versions listed them in NodeHistoryBackfill; this replays each one's log, page by page,
 * from the start, and writes the versions those ops would have written (skipping any a live op has
 * written meanwhile: they are the same). Runs once per map, in the background after the server
 * starts, in small transactions so the writes of people at work wait only briefly.
 */
import { applyEach } from "../map/apply";
import { nodeChangesOf } from "../map/nodeVersions";
import type { Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { db, readDb } from "./db";
import { forgetContributions, insertVersions } from "./node-history";

const PAGE = 500;

/** Backfills every map still listed; returns how many it finished. */
export async function backfillNodeHistory(): Promise<number> {
  const writer = await db();
  const listed = await writer.nodeHistoryBackfill.findMany({ select: { mapId: true } });
  for (const { mapId } of listed) {
    const doc = emptyDoc();
    let after = 0;
    for (;;) {
      const rows = await (await readDb()).op.findMany({ where: { mapId, revision: { gt: after } }, orderBy: { revision: "asc" }, take: PAGE, select: { revision: true, payload: true } });
      if (rows.length === 0) break;
      // The doc is this loop's own: it follows the log in place, and each op's diff gives its versions.
      const { results } = applyEach(doc, rows.map((row) => JSON.parse(row.payload) as Op), { inPlace: true });
      const changes = results.flatMap((result, i) => (result.ok ? nodeChangesOf(rows[i]!.revision, result.diff) : []));
      if (changes.length > 0) await writer.$transaction(insertVersions(writer, mapId, changes, { skipExisting: true }));
      after = rows[rows.length - 1]!.revision;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writer.nodeHistoryBackfill.deleteMany({ where: { mapId } });
    forgetContributions(mapId);
  }
  return listed.length;
}
