/**
 * Who is presenting the map, from everyone's presence. Returns the previous result when nothing
 * it shows changed, so followers re-render when the presenter changes step, not when pointers move.
 */
import type { Presence } from "../map/presence";

export interface PresenterView {
  clientId: string;
  name: string;
  colour: string;
  step: number;
}

/** The presenter among the peers: the first by client id when several present, so everyone picks the same one. */
export function presenterOf(peers: readonly Presence[], previous: PresenterView | null = null): PresenterView | null {
  let found: Presence | null = null;
  for (const peer of peers) if (peer.presenting && !peer.leaving && (!found || peer.clientId < found.clientId)) found = peer;
  if (!found?.presenting) return null;
  const view = { clientId: found.clientId, name: found.name, colour: found.colour, step: found.presenting.step };
  const same = previous && previous.clientId === view.clientId && previous.name === view.name && previous.colour === view.colour && previous.step === view.step;
  return same ? previous : view;
}
