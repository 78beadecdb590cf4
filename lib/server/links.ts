/** Capability links: resolving a token to a map and role, issuing, listing and rotating links. */
import { randomUUID } from "node:crypto";
import type { Role } from "../map/types";
import { broadcaster } from "./broadcaster";
import type { Tx } from "./db";
import { readDb, writeTransaction } from "./db";
import { mapNotFound } from "./errors";
import { hashToken, isWellFormedToken, newNonce, ROLES, tokenFor } from "./tokens";
import { processWide } from "./process-wide";
import { notifyInTransaction, signalsHealthy } from "./signals";

/** The reserved read-only alias of the seeded demo map. */
export const DEMO_TOKEN = "demo";
export const DEMO_MAP_ID = "demo";

export interface Access {
  mapId: string;
  role: Role;
  /** The link's id (a revoked link's open streams close by it). */
  linkId: string;
}

export type LinkTokens = Record<Role, string>;
export type Links = Record<Role, string>;

/**
 * Tokens this process has resolved, by hash. Every write, heartbeat and stream resolves its token,
 * and a link changes only when it is rotated: rotateLink drops its entries here at once, and
 * another instance's rotation arrives as a signal that does the same (linksRevokedElsewhere). The
 * cache is trusted only while signals flow: while an instance's listening connection is down it
 * asks the database every time, and a resync empties it. ACCESS_TTL_MS bounds an entry's life anyway.
 */
interface AccessCache {
  entries: Map<string, { access: Access; until: number }>;
  /** Bumped by every rotation, so a lookup that raced one is not cached. */
  rotations: number;
}
const accessCache = processWide<AccessCache>("access-cache", () => ({ entries: new Map(), rotations: 0 }));
const ACCESS_TTL_MS = 5_000;
const ACCESS_CACHE_SIZE = 10_000;

/** The map and role a token opens, or null for unknown, malformed and revoked tokens alike. */
export async function resolveToken(token: string): Promise<Access | null> {
  if (token === DEMO_TOKEN) return { mapId: DEMO_MAP_ID, role: "view", linkId: DEMO_TOKEN };
  if (!isWellFormedToken(token)) return null;
  const hash = hashToken(token);
  const now = Date.now();
  const { entries } = accessCache;
  const trusted = signalsHealthy();
  const cached = trusted ? entries.get(hash) : undefined;
  if (cached && cached.until > now) return cached.access;
  const rotationsBefore = accessCache.rotations;
  const link = await (await readDb()).mapLink.findUnique({ where: { tokenHash: hash } });
  if (!link || link.revokedAt) return null;
  const access: Access = { mapId: link.mapId, role: link.role as Role, linkId: link.id };
  if (trusted && accessCache.rotations === rotationsBefore && signalsHealthy()) {
    entries.delete(hash);
    entries.set(hash, { access, until: now + ACCESS_TTL_MS });
    if (entries.size > ACCESS_CACHE_SIZE) entries.delete(entries.keys().next().value!);
  }
  return access;
}

function forgetLinks(linkIds: readonly string[]): void {
  accessCache.rotations += 1;
  const ids = new Set(linkIds);
  for (const [hash, { access }] of accessCache.entries) if (ids.has(access.linkId)) accessCache.entries.delete(hash);
}

export async function requireAccess(token: string): Promise<Access> {
  const access = await resolveToken(token);
  if (!access) throw mapNotFound();
  return access;
}

async function createLink(tx: Tx, mapId: string, role: Role): Promise<string> {
  const nonce = newNonce();
  const token = tokenFor(nonce);
  await tx.mapLink.create({ data: { id: randomUUID(), mapId, role, nonce, tokenHash: hashToken(token) } });
  return token;
}

/** Creates one link of each role. */
export async function issueLinks(tx: Tx, mapId: string): Promise<LinkTokens> {
  return { owner: await createLink(tx, mapId, "owner"), edit: await createLink(tx, mapId, "edit"), view: await createLink(tx, mapId, "view") };
}

/** The map's current links (for its owner's Share dialog). */
export async function currentLinks(mapId: string): Promise<Partial<LinkTokens>> {
  const rows = await (await readDb()).mapLink.findMany({ where: { mapId, revokedAt: null }, orderBy: { createdAt: "asc" } });
  return Object.fromEntries(rows.map((row) => [row.role, tokenFor(row.nonce)]));
}

/**
 * Replaces the map's `role` link: the old token stops working at once and streams opened with
 * it are closed. Returns all current links.
 */
export async function rotateLink(mapId: string, role: Exclude<Role, "owner">): Promise<Partial<LinkTokens>> {
  const revoked = await writeTransaction(async (tx) => {
    const old = await tx.mapLink.findMany({ where: { mapId, role, revokedAt: null }, select: { id: true } });
    await tx.mapLink.updateMany({ where: { mapId, role, revokedAt: null }, data: { revokedAt: new Date() } });
    await createLink(tx, mapId, role);
    const ids = old.map((link) => link.id);
    // Every other instance forgets the old link and closes its streams when this commits.
    if (ids.length > 0) await notifyInTransaction(tx, { t: "revoked", m: mapId, l: ids });
    return ids;
  });
  linksRevokedElsewhere(mapId, revoked);
  return currentLinks(mapId);
}

/** Links revoked (here or by another instance): they stop working here, and their streams close. */
export function linksRevokedElsewhere(mapId: string, linkIds: readonly string[]): void {
  forgetLinks(linkIds);
  for (const linkId of linkIds) broadcaster().publish(mapId, { kind: "revoked", linkId });
}

/**
 * After signals may have been missed: nothing cached is trusted, and the streams open here whose
 * link was revoked meanwhile are closed.
 */
export async function resyncLinks(streams: readonly { mapId: string; linkId: string }[]): Promise<void> {
  accessCache.rotations += 1;
  accessCache.entries.clear();
  const ids = [...new Set(streams.map((stream) => stream.linkId).filter((id) => id !== DEMO_TOKEN))];
  for (let at = 0; at < ids.length; at += 500) {
    const revoked = await (await readDb()).mapLink.findMany({ where: { id: { in: ids.slice(at, at + 500) }, revokedAt: { not: null } }, select: { id: true, mapId: true } });
    for (const link of revoked) linksRevokedElsewhere(link.mapId, [link.id]);
  }
}

export function linkUrls(origin: string, tokens: Partial<LinkTokens>): Partial<Links> {
  const urls: Partial<Links> = {};
  for (const role of ROLES) if (tokens[role]) urls[role] = `${origin}/m/${tokens[role]}`;
  return urls;
}
