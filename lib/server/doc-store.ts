/**
 * Loads a map's document from the tables, with a per-process cache keyed by revision: a cached doc
 * is used only when the database's revision still matches, so another process's writes are seen.
 */
import { LIMITS } from "../map/limits";
import type { ArgEdge, ArgNode, MapDoc, MapMeta, Source } from "../map/types";
import type { Tx } from "./db";
import { processWide } from "./process-wide";
import { fieldsFromRow, MAP_TABLE, recordFromRow, RECORD_TABLES } from "./tables";

const cache = processWide("doc-cache", () => new Map<string, { revision: number; doc: MapDoc }>());
const CACHE_SIZE = 200;

export interface LoadedDoc {
  revision: number;
  doc: MapDoc;
  createdAt: Date;
  updatedAt: Date;
}

/** The map's doc at its current revision, with the map row's timestamps (read anyway to check the revision). */
export async function loadDoc(tx: Tx, mapId: string): Promise<LoadedDoc | null> {
  const map = await tx.map.findUnique({ where: { id: mapId } });
  if (!map) return null;
  const times = { createdAt: map.createdAt, updatedAt: map.updatedAt };
  const cached = cache.get(mapId);
  if (cached && cached.revision === map.revision) return { ...cached, ...times };
  const [nodes, edges, sources] = await Promise.all([
    tx.node.findMany({ where: { mapId }, orderBy: [{ seq: "asc" }, { id: "asc" }], take: LIMITS.nodesPerMap + 1 }),
    tx.edge.findMany({ where: { mapId }, orderBy: [{ seq: "asc" }, { id: "asc" }] }),
    tx.source.findMany({ where: { mapId }, orderBy: [{ seq: "asc" }, { id: "asc" }] }),
  ]);
  const doc: MapDoc = {
    meta: fieldsFromRow<MapMeta>(MAP_TABLE, map),
    nodes: Object.fromEntries(nodes.map((row) => [row.id, recordFromRow<ArgNode>(RECORD_TABLES.nodes, row)])),
    edges: Object.fromEntries(edges.map((row) => [row.id, recordFromRow<ArgEdge>(RECORD_TABLES.edges, row)])),
    sources: Object.fromEntries(sources.map((row) => [row.id, recordFromRow<Source>(RECORD_TABLES.sources, row)])),
  };
  return { ...remember(mapId, map.revision, doc), ...times };
}

export function remember(mapId: string, revision: number, doc: MapDoc) {
  const entry = { revision, doc };
  cache.delete(mapId);
  cache.set(mapId, entry);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return entry;
}

export function forget(mapId: string): void {
  cache.delete(mapId);
}
