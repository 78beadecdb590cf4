/** Presence: who is here and what they point at. Travels on the event stream, never stored. */
import { z } from "zod";
import { idSchema, wellFormedText } from "./ops";
import type { Role } from "./types";

const point = z.object({ x: z.number().finite(), y: z.number().finite() });

/** What a tab sends about itself (a heartbeat). */
export const presenceSchema = z.object({
  clientId: idSchema,
  /**
   * The tab's secret, made when it starts: the server binds the client id to it (and to the
   * link), so nobody else can speak for this presence. Never relayed.
   */
  key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "a presence key is 16 to 64 letters, digits, '_' or '-'"),
  name: wellFormedText(60).trim().min(1),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Selected node ids. */
  selection: z.array(idSchema).max(200).default([]),
  /** Pointer in map (flow) coordinates, or null when off the canvas. */
  pointer: point.nullable().default(null),
  /** Nodes being dragged, at their live positions. */
  dragging: z.array(z.object({ id: idSchema, x: z.number().finite(), y: z.number().finite() })).max(500).default([]),
  /** The node whose text is being typed. */
  editing: idSchema.nullable().default(null),
  /** Presenter state, for people following along (relayed only from those who may lead). */
  presenting: z.object({ step: z.number().int().min(0) }).nullable().default(null),
  /** Set on the last heartbeat before leaving (page closed). */
  leaving: z.boolean().default(false),
  /** The same for every tab of one browser: a person with three tabs open is shown once. */
  personId: idSchema.optional(),
});

export type PresenceUpdate = z.output<typeof presenceSchema>;

/** A presence as the server relays it: without the key, with the role of the link it came from. */
export type Presence = Omit<PresenceUpdate, "key"> & { role?: Role };

/** One coalesced delivery: everyone whose presence changed since the last, and who left. */
export interface PresenceBatch {
  peers: Presence[];
  left: string[];
  /** Everyone who is here (sent when a stream opens): replaces what the client knew. */
  full?: boolean;
}
