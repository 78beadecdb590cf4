/** Creating, reading, copying and importing maps. */
import { randomBytes } from "node:crypto";
import { opsForDoc } from "../map/docToOps";
import type { LoggedOp } from "../map/ops";
import { LIMITS } from "../map/limits";
import type { MapDoc, MapSnapshot, Role } from "../map/types";
import { db, readDb, type Tx } from "./db";
import { loadDoc } from "./doc-store";
import { groupWrites, presentationColumn } from "./persist-op";
import { AppError, mapNotFound } from "./errors";
import { currentLinks, issueLinks, linkUrls, resolveToken, type Access, type LinkTokens, type Links } from "./links";

export interface CreatedMap {
  id: string;
  links: Links;
}

const SYSTEM_CLIENT = "server";

function newMapId(): string {
  return randomBytes(12).toString("base64url");
}

/** The log entries that build `doc` from an empty map (its title and presentation go in the map row). */
function entriesBuilding(doc: MapDoc): LoggedOp[] {
  if (Object.keys(doc.nodes).length > LIMITS.nodesPerMap) throw new AppError("too_large", `A map holds at most ${LIMITS.nodesPerMap} nodes.`);
  return opsForDoc(doc)
    .filter((op) => op.type !== "updateMap")
    .map((op, index): LoggedOp => ({ revision: index + 1, clientId: SYSTEM_CLIENT, clientOpId: `create-${index + 1}`, author: "", op }));
}

const mapRow = (mapId: string, doc: MapDoc) => ({ id: mapId, title: doc.meta.title, description: doc.meta.description, presentation: presentationColumn(doc.meta.presentation), revision: 0 });

/**
 * Writes a whole document as a new map in one transaction (the demo seed): the ops that build it
 * go to the log, and the tables are written from them by the same multi-row statements that
 * commit ops (persist-op.ts).
 */
export async function writeNewMap(tx: Tx, mapId: string, doc: MapDoc): Promise<void> {
  const entries = entriesBuilding(doc);
  await tx.map.create({ data: mapRow(mapId, doc) });
  for (const statement of groupWrites(tx, mapId, 0, entries)) await statement;
}

/**
 * Ops of a new map written per transaction. The database has one writer and its statements run
 * on the request thread without a pause: a 5,000-node import in one transaction would hold every
 * other map's commits, and every request, for seconds. In steps, others go in between.
 */
const ENTRIES_PER_STEP = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A new map with `doc` as its content and links of every role. Nobody can open it before it is whole. */
export async function createMapFromDoc(doc: MapDoc, origin: string): Promise<CreatedMap> {
  const id = newMapId();
  const entries = entriesBuilding(doc);
  const client = await db();
  // Unreachable until its links exist, which the last step adds.
  await client.map.create({ data: mapRow(id, doc) });
  try {
    for (let start = 0; start < entries.length; start += ENTRIES_PER_STEP) {
      await nextTurn();
      await client.$transaction(groupWrites(client, id, start, entries.slice(start, start + ENTRIES_PER_STEP)));
    }
    const tokens = await client.$transaction((tx) => issueLinks(tx, id));
    return { id, links: linkUrls(origin, tokens) as Links };
  } catch (error) {
    await client.map.delete({ where: { id } }).catch(() => undefined);
    throw error;
  }
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
export async function copyMap(access: Access, origin: string): Promise<CreatedMap> {
  const client = await readDb();
  const loaded = await client.$transaction((tx) => loadDoc(tx, access.mapId));
  if (!loaded) throw mapNotFound();
  const title = loaded.doc.meta.title.startsWith("Copy of ") ? loaded.doc.meta.title : `Copy of ${loaded.doc.meta.title}`;
  return createMapFromDoc({ ...loaded.doc, meta: { ...loaded.doc.meta, title: title.slice(0, LIMITS.titleLength) } }, origin);
}
