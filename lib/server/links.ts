/** Resolving a capability token to a map and role, and issuing new links. */
import { randomUUID } from "node:crypto";
import type { Role } from "../map/types";
import type { Tx } from "./db";
import { db } from "./db";
import { mapNotFound } from "./errors";
import { hashToken, isWellFormedToken, newToken } from "./tokens";

/** The reserved read-only alias of the seeded demo map. */
export const DEMO_TOKEN = "demo";
export const DEMO_MAP_ID = "demo";

export interface Access {
  mapId: string;
  role: Role;
}

export type LinkTokens = Record<Role, string>;
export type Links = Record<Role, string>;

/** The map and role a token opens, or null for unknown, malformed and revoked tokens alike. */
export async function resolveToken(token: string): Promise<Access | null> {
  if (token === DEMO_TOKEN) return { mapId: DEMO_MAP_ID, role: "view" };
  if (!isWellFormedToken(token)) return null;
  const link = await (await db()).mapLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link || link.revokedAt) return null;
  return { mapId: link.mapId, role: link.role as Role };
}

export async function requireAccess(token: string): Promise<Access> {
  const access = await resolveToken(token);
  if (!access) throw mapNotFound();
  return access;
}

/** Creates one link of each role; the tokens exist only in the return value. */
export async function issueLinks(tx: Tx, mapId: string): Promise<LinkTokens> {
  const tokens: LinkTokens = { owner: newToken(), edit: newToken(), view: newToken() };
  await tx.mapLink.createMany({
    data: (Object.keys(tokens) as Role[]).map((role) => ({ id: randomUUID(), mapId, role, tokenHash: hashToken(tokens[role]) })),
  });
  return tokens;
}

export function linkUrls(origin: string, tokens: Partial<LinkTokens>): Partial<Links> {
  return Object.fromEntries(Object.entries(tokens).map(([role, token]) => [role, `${origin}/m/${token}`]));
}
