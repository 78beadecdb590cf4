/**
 * Leading: one person at a time presents to everyone on a map, and the others' views follow. Who
 * may lead is the map's owner, and the editors too when the owner allows it (a map setting only
 * the owner changes). The server decides and says who leads on the event stream; a stage that may
 * not lead presents privately.
 */
import { z } from "zod";
import { idSchema } from "../ops";
import type { Role } from "../types";

export interface RoomSettings {
  /** "Anyone with the edit link can present to everyone". Off by default. */
  editorsMayLead: boolean;
}

export const DEFAULT_ROOM_SETTINGS: RoomSettings = { editorsMayLead: false };

/** The one rule of who may lead followers; the server enforces it, the UI only reflects it. */
export function mayLead(role: Role, settings: RoomSettings): boolean {
  return role === "owner" || (role === "edit" && settings.editorsMayLead);
}

export interface Leader {
  /** The stage's client id. */
  clientId: string;
  name: string;
  colour: string;
  role: Role;
  /** The step on screen (0-based) and how many there are. */
  step: number;
  count: number;
  /** The presentation session the room's reactions are counted in. */
  sessionId: string;
}

/** Why the leader last changed, so followers and a stopped leader can be told in words. */
export type LeadChange =
  /** What a stream is told when it opens. */
  | "snapshot"
  | "started"
  | "step"
  | "stopped"
  | "stopped-by-owner"
  /** The leader's stage stopped answering (closed, crashed, offline). */
  | "gone"
  | "taken-over"
  /** The owner no longer lets editors lead, and an editor was leading. */
  | "not-allowed"
  | "settings";

/** What every stream is told about leading on its map. */
export interface LeadState {
  leader: Leader | null;
  settings: RoomSettings;
  change: LeadChange;
  /** Who led before this change (for "Ms Rivera stopped presenting"). */
  previous: { clientId: string; name: string } | null;
}

/** "Bring everyone to me": each follower's view goes to the summoner's step or to the area they see. */
export interface Summon {
  id: number;
  by: { clientId: string; name: string };
  /** The leader's step, when the summoner leads. */
  step: number | null;
  /** The summoner's visible area in map coordinates, when they summon from the editor. */
  view: { x: number; y: number; width: number; height: number } | null;
}

const name = z.string().trim().min(1).max(60);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const stepIndex = z.number().int().min(0).max(100_000);

export const leadRequestSchema = z.object({
  clientId: idSchema,
  name,
  colour,
  step: stepIndex,
  count: z.number().int().min(1).max(100_000),
  /** The nodes the step shows (recorded with the session, so results name what was voted on). */
  nodeIds: z.array(idSchema).max(50).default([]),
  /** Start leading (pressing Present): false only keeps an existing lead alive or moves its step. */
  take: z.boolean().default(false),
});
export type LeadRequest = z.output<typeof leadRequestSchema>;

const coordinate = z.number().finite().min(-1_000_000).max(1_000_000);
export const summonRequestSchema = z.object({
  clientId: idSchema,
  name,
  view: z.object({ x: coordinate, y: coordinate, width: z.number().finite().positive().max(2_000_000), height: z.number().finite().positive().max(2_000_000) }).nullable().default(null),
});

export const roomSettingsSchema = z.object({ editorsMayLead: z.boolean() });
