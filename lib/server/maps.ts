/** Creating, reading, copying and importing maps. */
import { randomBytes } from "node:crypto";
import { applyEach } from "../map/apply";
import { opsForDoc } from "../map/docToOps";
import { LIMITS } from "../map/limits";
import type { Op } from "../map/ops";
import { dialogueFor, type DialogueLayer } from "../map/exchange/dialogue";
import { emptyDoc, type MapDoc, type MapSnapshot, type Role } from "../map/types";
import { db, readDb, writeTransaction, type Tx } from "./db";
import { loadDoc } from "./doc-store";
import { versionWrites } from "./node-history";
import { AppError, mapNotFound } from "./errors";
import { groupWrites, type AppliedOp } from "./persist-op";
import { MAP_TABLE, toColumn } from "./tables";
import { inLane } from "./workers/run-job";
import { currentLinks, issueLinks, linkUrls, resolveToken, type Access, type LinkTokens, type Links } from "./links";

export interface CreatedMap {
  id: string;
  links: Links;
}

const SYSTEM_CLIENT = "server";

function newMapId(): string {
  return randomBytes(12).toString("base64url");
}

/** The ops that build `doc` from an empty map (its title and presentation go in the map row). */
function opsBuilding(doc: MapDoc): Op[] {
  if (Object.keys(doc.nodes).length > LIMITS.nodesPerMap) throw new AppError("too_large", `A map holds at most ${LIMITS.nodesPerMap} nodes.`);
  return opsForDoc(doc).filter((op) => op.type !== "updateMap");
}

/**
 * `ops` applied to `built`, a doc the caller made for this and holds alone: each op with its log
 * entry (revisions from `firstRevision`) and records diff, ready for groupWrites. In place, as
 * copying the records for each step took ten times as long; safe because building ops only add
 * records, so nothing an earlier op's entry or diff holds is written again.
 */
function applyBuilding(built: MapDoc, ops: readonly Op[], firstRevision: number): AppliedOp[] {
  return applyEach(built, ops, { inPlace: true }).results.map((result, index) => {
    // Callers check a doc whole before writing it (findIntegrityProblem); this is the backstop.
    if (!result.ok) throw new AppError(result.error.code === "too_large" ? "too_large" : "invalid_input", result.error.message);
    const revision = firstRevision + index;
    return { entry: { revision, clientId: SYSTEM_CLIENT, clientOpId: `create-${revision}`, author: "", op: ops[index]! }, diff: result.diff };
  });
}

/** The map row at revision 0: the group writes move it to the last op's. */
function mapRow(mapId: string, doc: MapDoc) {
  const meta = Object.fromEntries(Object.entries(MAP_TABLE.columns).map(([field, column]) => [column.name, toColumn(column, doc.meta[field as keyof MapDoc["meta"]])]));
  return { id: mapId, ...(meta as { title: string }), revision: 0 };
}

/**
 * Writes a whole document as a new map in one transaction (the demo seed): the ops that build it
 * go in the log, and the rows are what those ops do to an empty map, written like any group's.
 */
export async function writeNewMap(tx: Tx, mapId: string, doc: MapDoc): Promise<void> {
  const applied = applyBuilding(emptyDoc(), opsBuilding(doc), 1);
  await tx.map.create({ data: mapRow(mapId, doc) });
  // Each node's first version (its history) is the op that created it.
  for (const statement of [...groupWrites(tx, mapId, 0, applied), ...versionWrites(tx, mapId, applied)]) await statement;
}

/**
 * Ops of a new map applied and written per step. The database has one writer and its statements
 * run on the request thread without a pause: a 5,000-node import in one transaction would hold
 * every other map's commits, and every request, for seconds; and applying its 20,000 ops at once
 * took 200–300 ms of the request thread. In steps, others go in between.
 */
const OPS_PER_STEP = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A new map with `doc` as its content and links of every role. Nobody can open it before it is
 * whole. `dialogue`: AIF's dialogue layer an import keeps beside the map, written once with its row.
 */
export async function createMapFromDoc(doc: MapDoc, origin: string, dialogue?: DialogueLayer | null): Promise<CreatedMap> {
  const id = newMapId();
  const ops = opsBuilding(doc);
  const built = emptyDoc();
  const client = await db();
  // Unreachable until its links exist, which the last step adds.
  await client.map.create({ data: { ...mapRow(id, doc), dialogue: dialogue ? JSON.stringify(dialogue) : null } });
  try {
    for (let start = 0; start < ops.length; start += OPS_PER_STEP) {
      await nextTurn();
      const applied = applyBuilding(built, ops.slice(start, start + OPS_PER_STEP), start + 1);
      await client.$transaction([...groupWrites(client, id, start, applied), ...versionWrites(client, id, applied)]);
    }
    // Retried while another process (a rolling restart on SQLite) holds the write lock.
    const tokens = await writeTransaction((tx) => issueLinks(tx, id));
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

/** Copies with more ops than this are written in a turn of the import lane, like an import. */
const BIG_COPY = 1_000;

/**
 * A new, independent map with the same content (e.g. a student's own copy of the class map). A
 * big one takes a turn in the import lane, so copying a 5,000-node map in a loop writes one at a
 * time per client instead of crowding out everyone's commits.
 */
export async function copyMap(access: Access, origin: string, client = "local"): Promise<CreatedMap> {
  const reader = await readDb();
  const loaded = await reader.$transaction((tx) => loadDoc(tx, access.mapId));
  if (!loaded) throw mapNotFound();
  const title = loaded.doc.meta.title.startsWith("Copy of ") ? loaded.doc.meta.title : `Copy of ${loaded.doc.meta.title}`;
  const doc = { ...loaded.doc, meta: { ...loaded.doc.meta, title: title.slice(0, LIMITS.titleLength) } };
  const size = Object.keys(doc.nodes).length + Object.keys(doc.edges).length + Object.keys(doc.sources).length;
  // The copy keeps what of the dialogue layer the map still anchors.
  const kept = await readDialogue(access.mapId);
  const dialogue = kept ? dialogueFor(kept, doc) : null;
  return size > BIG_COPY ? inLane("import", client, () => createMapFromDoc(doc, origin, dialogue)) : createMapFromDoc(doc, origin, dialogue);
}

/** The dialogue layer a map was imported with (null for most maps). Written once, never edited: safe to read beside any revision. */
export async function readDialogue(mapId: string): Promise<DialogueLayer | null> {
  const client = await readDb();
  const row = await client.map.findUnique({ where: { id: mapId }, select: { dialogue: true } });
  return row?.dialogue ? (JSON.parse(row.dialogue) as DialogueLayer) : null;
}
