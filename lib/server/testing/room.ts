/** What the classroom tests share: a map with its three tokens, the room's events as published, and the live routes. */
import leadRoute from "../../../pages/api/maps/[token]/lead";
import reactionsRoute from "../../../pages/api/maps/[token]/reactions";
import settingsRoute from "../../../pages/api/maps/[token]/settings";
import type { LeadState } from "../../map/room/lead";
import { emptyDoc } from "../../map/types";
import { broadcaster, type RoomEvent } from "../broadcaster";
import { resolveToken } from "../links";
import { createMapFromDoc } from "../maps";
import { callNodeRoute, postJson } from "./node-route";

export interface TestMap {
  mapId: string;
  owner: string;
  edit: string;
  view: string;
}

export async function newRoomMap(title = "Classroom"): Promise<TestMap> {
  const created = await createMapFromDoc(emptyDoc({ title }), "http://test");
  const token = (url: string) => url.split("/m/")[1]!;
  const owner = token(created.links.owner);
  return { mapId: (await resolveToken(owner))!.mapId, owner, edit: token(created.links.edit), view: token(created.links.view) };
}

/** Every room event published on the map from now on. */
export function roomEvents(mapId: string): RoomEvent[] {
  const events: RoomEvent[] = [];
  broadcaster().subscribe(mapId, (event) => {
    if (event.kind === "room") events.push(event);
  });
  return events;
}

export const leadEvents = (events: RoomEvent[]) => events.filter((event) => event.name === "lead").map((event) => event.payload as LeadState);

let stage = 0;
/** A stage's lead request: `take` is pressing Present. */
export function lead(token: string, options: { clientId?: string; step?: number; count?: number; take?: boolean; name?: string; nodeIds?: string[] } = {}) {
  return postJson(leadRoute, { token }, {
    clientId: options.clientId ?? `stage-${++stage}`,
    name: options.name ?? "Presenter",
    colour: "#0369a1",
    step: options.step ?? 0,
    count: options.count ?? 5,
    nodeIds: options.nodeIds ?? [],
    take: options.take ?? true,
  });
}

/**
 * Leads and keeps the lead alive (as a stage heartbeats), however slow the machine: call the
 * returned function to stop heartbeating. Every heartbeat still goes through the route.
 */
export async function leadWhile(token: string, options: Parameters<typeof lead>[1] & { clientId: string }): Promise<() => void> {
  const first = await lead(token, options);
  if (first.status !== 200) throw new Error(`could not lead: HTTP ${first.status}`);
  const timer = setInterval(() => void lead(token, { ...options, take: false }), 1_000);
  return () => clearInterval(timer);
}

export const stopLeading = (token: string, clientId?: string) => callNodeRoute(leadRoute, { method: "DELETE", params: { token }, query: clientId ? { client: clientId } : {} });

export const setEditorsMayLead = (token: string, editorsMayLead: boolean) => postJson(settingsRoute, { token }, { editorsMayLead });

export const vote = (token: string, voterId: string, step: number, choice: string | null) => postJson(reactionsRoute, { token }, { voterId, step, vote: choice });
