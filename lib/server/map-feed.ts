/**
 * Each watched map's feed: the ops its open streams receive, in revision order and without gaps,
 * whichever instance committed them. Ops committed here arrive with their entries; ops committed
 * by another instance arrive as a signal `{mapId, revision}` and are read from the log, once per
 * instance (not per stream). A feed exists while the map has listeners here.
 *
 * The baseline: a stream subscribes, then watches the map (the feed reads the map's revision B),
 * then replays the log (up to R ≥ B). Everything after B reaches it through the feed, everything
 * up to R through the replay, and it skips the overlap; so nothing committed in between is lost.
 */
import type { LoggedOp } from "../map/ops";
import { broadcaster } from "./broadcaster";
import { readDb } from "./db";
import { replayFrom } from "./op-log";
import { processWide } from "./process-wide";

interface Feed {
  /** The last revision published to this map's listeners here. */
  delivered: number;
  /** The highest revision known to be committed. */
  known: number;
  /** Entries above `delivered` that cannot be published yet (one before them is missing). */
  waiting: Map<number, LoggedOp>;
  /** A read of the log is under way. */
  reading: boolean;
  ready: Promise<void>;
}

const feeds = processWide("map-feeds", () => new Map<string, Feed>());

async function currentRevision(mapId: string): Promise<number> {
  const map = await (await readDb()).map.findUnique({ where: { id: mapId }, select: { revision: true } });
  return map?.revision ?? 0;
}

/** Makes sure the map has a feed here; resolves once its baseline is known. */
export function watchMap(mapId: string): Promise<void> {
  const held = feeds.get(mapId);
  if (held) return held.ready;
  const feed: Feed = { delivered: -1, known: -1, waiting: new Map(), reading: false, ready: Promise.resolve() };
  feeds.set(mapId, feed);
  feed.ready = currentRevision(mapId).then(
    (revision) => {
      feed.delivered = revision;
      feed.known = Math.max(feed.known, revision);
      pump(mapId, feed);
    },
    (error: unknown) => {
      feeds.delete(mapId);
      throw error;
    },
  );
  return feed.ready;
}

/** Drops the map's feed once nobody here listens to it. */
export function releaseMap(mapId: string): void {
  if (broadcaster().listenerCount(mapId) === 0) feeds.delete(mapId);
}

/** Ops this instance has just committed. */
export function committedHere(mapId: string, entries: readonly LoggedOp[]): void {
  const feed = feeds.get(mapId);
  if (!feed) {
    // Nobody here watches the map through a feed (a test's own subscriber may): pass them on.
    for (const entry of entries) broadcaster().publish(mapId, { kind: "op", entry });
    return;
  }
  for (const entry of entries) if (entry.revision > feed.delivered) feed.waiting.set(entry.revision, entry);
  if (entries.length > 0) feed.known = Math.max(feed.known, entries[entries.length - 1]!.revision);
  pump(mapId, feed);
}

/** Another instance committed the map up to `revision` (or a resync found it there). */
export function committedElsewhere(mapId: string, revision: number): void {
  const feed = feeds.get(mapId);
  if (!feed || revision <= feed.known) return;
  feed.known = revision;
  pump(mapId, feed);
}

/** After signals may have been lost: every watched map's revision, read at once. */
export async function resyncFeeds(): Promise<void> {
  const ids = [...feeds.keys()];
  if (ids.length === 0) return;
  const rows = await (await readDb()).map.findMany({ where: { id: { in: ids } }, select: { id: true, revision: true } });
  for (const row of rows) committedElsewhere(row.id, row.revision);
}

/** Publishes what can be published in order, and reads the log for what is missing. */
function pump(mapId: string, feed: Feed): void {
  if (feed.delivered < 0) return; // the baseline is not known yet
  for (let next = feed.waiting.get(feed.delivered + 1); next; next = feed.waiting.get(feed.delivered + 1)) {
    feed.waiting.delete(next.revision);
    feed.delivered = next.revision;
    broadcaster().publish(mapId, { kind: "op", entry: next });
  }
  for (const revision of feed.waiting.keys()) if (revision <= feed.delivered) feed.waiting.delete(revision);
  if (feed.known <= feed.delivered || feed.reading) return;
  feed.reading = true;
  replayFrom(mapId, feed.delivered).then(
    (entries) => {
      feed.reading = false;
      for (const entry of entries) if (entry.revision > feed.delivered) feed.waiting.set(entry.revision, entry);
      const last = entries.at(-1)?.revision ?? feed.delivered;
      // The log holds less than a signal announced only if the map was deleted: stop asking.
      if (last < feed.known) feed.known = Math.max(last, feed.delivered);
      if (feeds.get(mapId) === feed) pump(mapId, feed);
    },
    (error: unknown) => {
      feed.reading = false;
      console.error("map feed: reading the log failed", error);
      // Try again shortly; the streams keep what they have meanwhile.
      setTimeout(() => feeds.get(mapId) === feed && pump(mapId, feed), 500).unref();
    },
  );
}
