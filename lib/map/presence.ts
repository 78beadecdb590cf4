/** Presence: who is here and what they point at. Travels on the event stream, never stored. */
import { z } from "zod";
import { idSchema } from "./ops";

const point = z.object({ x: z.number().finite(), y: z.number().finite() });

export const presenceSchema = z.object({
  clientId: idSchema,
  name: z.string().trim().min(1).max(60),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Selected node ids. */
  selection: z.array(idSchema).max(200).default([]),
  /** Pointer in map (flow) coordinates, or null when off the canvas. */
  pointer: point.nullable().default(null),
  /** Nodes being dragged, at their live positions. */
  dragging: z.array(z.object({ id: idSchema, x: z.number().finite(), y: z.number().finite() })).max(500).default([]),
  /** The node whose text is being typed. */
  editing: idSchema.nullable().default(null),
  /** Presenter state, for people following along. */
  presenting: z.object({ step: z.number().int().min(0) }).nullable().default(null),
  /** Set on the last heartbeat before leaving (page closed). */
  leaving: z.boolean().default(false),
  /** The same for every tab of one browser: a person with three tabs open is shown once. */
  personId: idSchema.optional(),
});

export type Presence = z.output<typeof presenceSchema>;

/** One coalesced delivery: everyone whose presence changed since the last, and who left. */
export interface PresenceBatch {
  peers: Presence[];
  left: string[];
  /** Everyone who is here (sent when a stream opens): replaces what the client knew. */
  full?: boolean;
}
