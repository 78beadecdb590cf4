/** Creating, reading, copying and importing maps. */
import { randomBytes } from "node:crypto";
import { applyEach } from "../map/apply";
import { opsForDoc } from "../map/docToOps";
import { LIMITS } from "../map/limits";
import { emptyDoc, type MapDoc, type MapSnapshot, type Role } from "../map/types";
import { db, readDb, type Tx } from "./db";
import { loadDoc } from "./doc-store";
import { AppError, mapNotFound } from "./errors";
import { diffWrites } from "./record-writes";
import { MAP_TABLE, toColumn } from "./tables";
import { currentLinks, issueLinks, linkUrls, requireAccess, resolveToken, type LinkTokens, type Links } from "./links";

export interface CreatedMap {
  id: string;
  links: Links;
}

const SYSTEM_CLIENT = "server";

function newMapId(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * Writes a whole document as a new map: the ops that build it go in the log, and the rows are
 * what those ops do to an empty map (their records diffs), written in bulk like any group's.
 */
export async function writeNewMap(tx: Tx, mapId: string, doc: MapDoc): Promise<void> {
  if (Object.keys(doc.nodes).length > LIMITS.nodesPerMap) throw new AppError("too_large", `A map holds at most ${LIMITS.nodesPerMap} nodes.`);
  const ops = opsForDoc(doc).filter((op) => op.type !== "updateMap");
  const steps = applyEach(emptyDoc(), ops).results.map((result, index) => {
    // Callers check a doc whole before writing it (findIntegrityProblem); this is the backstop.
    if (!result.ok) throw new AppError(result.error.code === "too_large" ? "too_large" : "invalid_input", result.error.message);
    return { revision: index + 1, diff: result.diff };
  });
  const meta = Object.fromEntries(Object.entries(MAP_TABLE.columns).map(([field, column]) => [column.name, toColumn(column, doc.meta[field as keyof MapDoc["meta"]])]));
  await tx.map.create({ data: { id: mapId, ...(meta as { title: string }), revision: ops.length } });
  for (const statement of diffWrites(tx, mapId, steps, new Date())) await statement;
  await tx.op.createMany({
    data: ops.map((op, index) => ({ mapId, revision: index + 1, clientId: SYSTEM_CLIENT, clientOpId: `create-${index + 1}`, author: "", type: op.type, payload: JSON.stringify(op) })),
  });
}

export async function createMapFromDoc(doc: MapDoc, origin: string): Promise<CreatedMap> {
  const id = newMapId();
  const tokens = await (await db()).$transaction(async (tx) => {
    await writeNewMap(tx, id, doc);
    return issueLinks(tx, id);
  });
  return { id, links: linkUrls(origin, tokens) as Links };
}

export async function readSnapshot(mapId: string): Promise<MapSnapshot | null> {
  const client = await readDb();
  return client.$transaction(async (tx) => {
    const loaded = await loadDoc(tx, mapId);
    if (!loaded) return null;
    const { doc, revision } = loaded;
    return {
      map: { id: mapId, title: doc.meta.title, description: doc.meta.description, presentation: doc.meta.presentation, createdAt: loaded.createdAt.toISOString(), updatedAt: loaded.updatedAt.toISOString() },
      nodes: Object.values(doc.nodes),
      edges: Object.values(doc.edges),
      sources: Object.values(doc.sources),
      revision,
    };
  });
}

export interface OpenedMap {
  snapshot: MapSnapshot;
  role: Role;
  /** Only for the owner: the map's current link tokens, for the Share dialog. */
  shareTokens?: Partial<LinkTokens>;
}

/** For server pages: the map a link opens, with the link's role; null for any unusable token. */
export async function getMapByToken(token: string): Promise<OpenedMap | null> {
  const access = await resolveToken(token);
  if (!access) return null;
  const snapshot = await readSnapshot(access.mapId);
  if (!snapshot) return null;
  return access.role === "owner" ? { snapshot, role: access.role, shareTokens: await currentLinks(access.mapId) } : { snapshot, role: access.role };
}

export async function requireSnapshot(token: string): Promise<OpenedMap> {
  const found = await getMapByToken(token);
  if (!found) throw mapNotFound();
  return found;
}

/** A new, independent map with the same content (e.g. a student's own copy of the class map). */
export async function copyMap(token: string, origin: string): Promise<CreatedMap> {
  const access = await requireAccess(token);
  const client = await readDb();
  const loaded = await client.$transaction((tx) => loadDoc(tx, access.mapId));
  if (!loaded) throw mapNotFound();
  const title = loaded.doc.meta.title.startsWith("Copy of ") ? loaded.doc.meta.title : `Copy of ${loaded.doc.meta.title}`;
  return createMapFromDoc({ ...loaded.doc, meta: { ...loaded.doc.meta, title: title.slice(0, LIMITS.titleLength) } }, origin);
}
