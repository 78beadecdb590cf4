/** Capability links: resolving a token to a map and role, issuing, listing and rotating links. */
import { randomUUID } from "node:crypto";
import type { Role } from "../map/types";
import { broadcaster } from "./broadcaster";
import type { Tx } from "./db";
import { db, readDb } from "./db";
import { mapNotFound } from "./errors";
import { hashToken, isWellFormedToken, newNonce, ROLES, tokenFor } from "./tokens";
import { processWide } from "./process-wide";

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
 * and a link changes only when it is rotated: rotateLink drops its entries here at once. An entry
 * also expires after ACCESS_TTL_MS, which bounds how long a link rotated by *another* server
 * process (one database, several servers) keeps working here.
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
  const cached = entries.get(hash);
  if (cached && cached.until > now) return cached.access;
  const rotationsBefore = accessCache.rotations;
  const link = await (await readDb()).mapLink.findUnique({ where: { tokenHash: hash } });
  if (!link || link.revokedAt) return null;
  const access: Access = { mapId: link.mapId, role: link.role as Role, linkId: link.id };
  if (accessCache.rotations === rotationsBefore) {
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
  const client = await db();
  const revoked = await client.$transaction(async (tx) => {
    const old = await tx.mapLink.findMany({ where: { mapId, role, revokedAt: null }, select: { id: true } });
    await tx.mapLink.updateMany({ where: { mapId, role, revokedAt: null }, data: { revokedAt: new Date() } });
    await createLink(tx, mapId, role);
    return old.map((link) => link.id);
  });
  forgetLinks(revoked);
  for (const linkId of revoked) broadcaster().publish(mapId, { kind: "revoked", linkId });
  return currentLinks(mapId);
}

export function linkUrls(origin: string, tokens: Partial<LinkTokens>): Partial<Links> {
  const urls: Partial<Links> = {};
  for (const role of ROLES) if (tokens[role]) urls[role] = `${origin}/m/${tokens[role]}`;
  return urls;
}
