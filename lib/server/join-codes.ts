/**
 * Join codes: a short code on the projector that opens a map's view or edit link for a room.
 *
 * Storage. Like a link token, a code is derived from a random nonce with the server secret
 * (HMAC), and the table keeps the nonce and a keyed hash of the code, never the code: a database
 * dump alone opens nothing, and the owner's list can still show each code. A code opens the link
 * it was made for, so replacing that link retires its codes at once.
 *
 * Guessing. A code is 6 characters of a 30-letter alphabet: 30^6 ≈ 7.29·10^8 codes. Wrong
 * guesses are paid for before a code is looked up (a right one costs nothing, so a class behind
 * one school address is never held up): each address has 10 a minute (30 at once, for a class
 * mistyping together), and the whole server 120 a minute (burst 120). A code lives at most 24 h.
 * So the most guesses any attacker, however many addresses they use, can make in a code's whole
 * life are 120 × 1,440 + 120 ≈ 1.73·10^5, and the chance of hitting one given code is at most
 * 1.73·10^5 / 7.29·10^8 ≈ 0.024 % (for the usual one-hour code, ≈ 7,300 guesses: ≈ 0.001 %).
 * One address alone: 10 × 1,440 + 30 ≈ 14,430 guesses in a day, ≤ 0.002 % per code. With N codes
 * live on the server at once, hitting *some* code is N times as likely; a map has at most 20. The
 * price of the server-wide budget: someone with 12+ addresses can make joining wait (429), never
 * open a map. And what a lucky guess opens is a link its owner meant to give a room anyway,
 * which the owner can stop (revoke the code, replace the link).
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { formatJoinCode, JOIN_CODES_PER_MAP, joinCodeFromBytes, normalizeJoinCode, type JoinCodeView } from "../map/room/joinCode";
import type { Role } from "../map/types";
import { createBudget } from "./budget";
import { db, isUniqueViolation, readDb } from "./db";
import { AppError } from "./errors";
import { processWide } from "./process-wide";
import { serverSecret } from "./secret";
import { tokenFor } from "./tokens";

export const GUESSES_PER_ADDRESS = { perMinute: 10, burst: 30 };
export const GUESSES_PER_SERVER = { perMinute: 120, burst: 120 };
/** Expired and revoked codes are kept this long (so a late joiner hears "expired"), then deleted. */
const KEEP_DEAD_MS = 24 * 60 * 60_000;

const budgets = processWide("join-guesses", () => ({ address: createBudget(GUESSES_PER_ADDRESS), server: createBudget(GUESSES_PER_SERVER) }));

function codeFor(nonce: string): string | null {
  return joinCodeFromBytes(createHmac("sha256", serverSecret()).update(`join-code:${nonce}`).digest());
}

function hashOf(code: string): string {
  return createHmac("sha256", serverSecret()).update(`join-code-hash:${code}`).digest("hex");
}

export const joinUrl = (origin: string, code: string) => `${origin}/join?code=${encodeURIComponent(formatJoinCode(code))}`;

/** A new code for the map's current `role` link, living `minutes`. */
export async function createJoinCode(mapId: string, role: "view" | "edit", minutes: number, origin: string, now = new Date()): Promise<JoinCodeView> {
  const client = await db();
  await client.joinCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - KEEP_DEAD_MS) } } });
  const link = await client.mapLink.findFirst({ where: { mapId, role, revokedAt: null } });
  if (!link) throw new AppError("not_found", `This map has no ${role} link.`);
  const live = await client.joinCode.count({ where: { mapId, revokedAt: null, expiresAt: { gt: now }, link: { revokedAt: null } } });
  if (live >= JOIN_CODES_PER_MAP) throw new AppError("conflict", `This map already has ${JOIN_CODES_PER_MAP} live join codes: stop one before making another.`);
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  // A new code may land on one still in the table (live or recently dead): draw again.
  for (let attempt = 0; attempt < 8; attempt++) {
    const nonce = randomBytes(18).toString("base64url");
    const code = codeFor(nonce);
    if (!code) continue;
    try {
      await client.joinCode.create({ data: { id: randomUUID(), mapId, linkId: link.id, nonce, codeHash: hashOf(code), expiresAt } });
      return { code, role, expiresAt: expiresAt.toISOString(), url: joinUrl(origin, code) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("unavailable", "Could not find a free join code; try again.");
}

/** The map's live codes, newest first. */
export async function listJoinCodes(mapId: string, origin: string, now = new Date()): Promise<JoinCodeView[]> {
  const rows = await (await readDb()).joinCode.findMany({
    where: { mapId, revokedAt: null, expiresAt: { gt: now }, link: { revokedAt: null } },
    include: { link: { select: { role: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.flatMap((row) => {
    const code = codeFor(row.nonce);
    return code ? [{ code, role: row.link.role as "view" | "edit", expiresAt: row.expiresAt.toISOString(), url: joinUrl(origin, code) }] : [];
  });
}

/** Stops a code of this map at once; 404 for a code that is not this map's. */
export async function revokeJoinCode(mapId: string, input: string, now = new Date()): Promise<void> {
  const code = normalizeJoinCode(input);
  const client = await db();
  const updated = code ? await client.joinCode.updateMany({ where: { mapId, codeHash: hashOf(code), revokedAt: null }, data: { revokedAt: now } }) : { count: 0 };
  if (updated.count === 0) throw new AppError("not_found", "This map has no live code like that.");
}

const wrongCode = () => new AppError("not_found", "No room has that code. Check it on the screen: it may have expired or been closed.");

/** What a code opens: the link's token and role. Wrong guesses are limited per address and server-wide. */
export async function redeemJoinCode(input: string, address: string, now = Date.now()): Promise<{ token: string; role: Role }> {
  const { address: perAddress, server } = budgets;
  const key = `join:${address}`;
  if (!perAddress.available(key, now)) throw tooMany(perAddress.retryAfter(key, now));
  if (!server.available("join", now)) throw tooMany(server.retryAfter("join", now));
  const code = normalizeJoinCode(input);
  const row = code ? await (await readDb()).joinCode.findUnique({ where: { codeHash: hashOf(code) }, include: { link: true } }) : null;
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now || row.link.revokedAt) {
    perAddress.spend(key, now);
    // Input that cannot be a code could never hit one: only real guesses use the shared budget.
    if (code) server.spend("join", now);
    throw wrongCode();
  }
  return { token: tokenFor(row.link.nonce), role: row.link.role as Role };
}

const tooMany = (seconds: number) =>
  new AppError("rate_limited", `Too many wrong codes from here; wait ${seconds < 60 ? `${seconds} s` : "a minute"} and try again.`, { "Retry-After": String(seconds) });

/** For tests: forget every guess so far. */
export function resetJoinGuesses(): void {
  budgets.address = createBudget(GUESSES_PER_ADDRESS);
  budgets.server = createBudget(GUESSES_PER_SERVER);
}
