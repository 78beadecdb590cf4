/**
 * The classroom's HTTP calls from the browser (the routes under /api/maps/:token and /api/join),
 * each answering ok with its value or the server's message in words a person can read.
 */
import type { JoinCodeView } from "../map/room/joinCode";
import type { LeadRequest, LeadState, RoomSettings, Summon } from "../map/room/lead";
import type { RaisedHand, Vote } from "../map/room/reactions";
import type { Role } from "../map/types";

export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

async function call<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer<T>> {
  const { json, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(url, { ...rest, ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { "content-type": "application/json" } }) });
  } catch {
    return { ok: false, status: 0, message: "The server cannot be reached. Check your connection and try again." };
  }
  if (response.status === 204) return { ok: true, value: undefined as T };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (response.ok) return { ok: true, value: body as T };
  return { ok: false, status: response.status, message: body?.error?.message ?? `The server answered ${response.status}.` };
}

const mapUrl = (token: string, rest = "") => `/api/maps/${encodeURIComponent(token)}${rest}`;

export const requestLead = (token: string, body: LeadRequest) => call<LeadState>(mapUrl(token, "/lead"), { method: "POST", json: body });

/** `keepalive` lets it leave as the page closes. */
export const stopLeading = (token: string, clientId: string | null, keepalive = false) =>
  call<LeadState>(mapUrl(token, `/lead${clientId ? `?client=${encodeURIComponent(clientId)}` : ""}`), { method: "DELETE", keepalive });

export const summonEveryone = (token: string, body: { clientId: string; name: string; view: Summon["view"] }) => call<Summon>(mapUrl(token, "/summon"), { method: "POST", json: body });

export const saveRoomSettings = (token: string, settings: RoomSettings) => call<{ settings: RoomSettings }>(mapUrl(token, "/settings"), { method: "POST", json: settings });

export const sendVote = (token: string, body: { voterId: string; step: number; vote: Vote | null }) => call<void>(mapUrl(token, "/reactions"), { method: "POST", json: body });

export const raiseHand = (token: string, body: { voterId: string; name: string; step: number; question: string }) => call<RaisedHand>(mapUrl(token, "/hands"), { method: "POST", json: body });

export const lowerHand = (token: string, id: string, voterId: string | null) =>
  call<void>(mapUrl(token, `/hands/${encodeURIComponent(id)}${voterId ? `?voter=${encodeURIComponent(voterId)}` : ""}`), { method: "DELETE" });

export const revealStep = (token: string, step: number, shown: boolean) => call<void>(mapUrl(token, "/results/reveal"), { method: "POST", json: { step, shown } });

export const resultsUrl = (token: string, format: "json" | "csv") => mapUrl(token, `/results?session=latest&format=${format}&download=1`);

export const createJoinCode = (token: string, role: "view" | "edit", minutes: number) => call<JoinCodeView>(mapUrl(token, "/join-codes"), { method: "POST", json: { role, minutes } });

export const listJoinCodes = (token: string) => call<{ codes: JoinCodeView[] }>(mapUrl(token, "/join-codes"));

export const stopJoinCode = (token: string, code: string) => call<void>(mapUrl(token, `/join-codes/${encodeURIComponent(code)}`), { method: "DELETE" });

export const redeemJoinCode = (code: string) => call<{ token: string; role: Role }>("/api/join", { method: "POST", json: { code } });
