/**
 * What the canvas and the header show of other people, derived from their presence. Each
 * derivation returns its previous result (or the previous entry) when nothing it shows changed,
 * so a moving pointer leaves the roster, the node marks and the drag positions untouched and
 * nothing that reads them re-renders.
 */
import type { Presence } from "../map/presence";

export interface PeerTag {
  clientId: string;
  name: string;
  colour: string;
  /** How many of this person's tabs are here (a person with three tabs is one avatar). */
  tabs: number;
}

export interface RemoteNodeMarks {
  /** People who have this node selected. */
  selectedBy: readonly PeerTag[];
  /** People typing in this node's text. */
  editingBy: readonly PeerTag[];
}

export type RemoteMarks = ReadonlyMap<string, RemoteNodeMarks>;
export type RemoteDrags = ReadonlyMap<string, { x: number; y: number }>;

export const NO_MARKS: RemoteMarks = new Map();
export const NO_DRAGS: RemoteDrags = new Map();
export const NO_PEERS: readonly PeerTag[] = [];

const byClientId = (a: Presence, b: Presence) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);
const tagOf = (peer: Presence): PeerTag => ({ clientId: peer.clientId, name: peer.name, colour: peer.colour, tabs: 1 });
const sameTag = (a: PeerTag, b: PeerTag) => a.clientId === b.clientId && a.name === b.name && a.colour === b.colour && a.tabs === b.tabs;
/** Tabs of one browser share a person id; a peer without one is a person of its own. */
export const personOf = (peer: Presence): string => peer.personId ?? `tab:${peer.clientId}`;

/** Each person once (their first tab by client id stands for them), with their tabs counted. */
function people(peers: readonly Presence[], exceptPerson: string | null): PeerTag[] {
  const byPerson = new Map<string, PeerTag>();
  for (const peer of [...peers].sort(byClientId)) {
    const person = personOf(peer);
    if (person === exceptPerson) continue;
    const found = byPerson.get(person);
    if (found) found.tabs += 1;
    else byPerson.set(person, tagOf(peer));
  }
  return [...byPerson.values()];
}
const sameTags = (a: readonly PeerTag[], b: readonly PeerTag[]) => a.length === b.length && a.every((tag, i) => sameTag(tag, b[i]!));

/**
 * Who is here, by name (then id, so two "Guest 12"s keep their order): each person once however
 * many tabs they have open, without me (my own other tabs are counted on my avatar instead).
 */
export function rosterOf(peers: readonly Presence[], previous: readonly PeerTag[] = NO_PEERS, selfPerson: string | null = null): readonly PeerTag[] {
  const roster = people(peers, selfPerson).sort((a, b) => a.name.localeCompare(b.name) || (a.clientId < b.clientId ? -1 : 1));
  return sameTags(roster, previous) ? previous : roster;
}

/** How many tabs of mine are here, this one included. */
export function ownTabs(peers: readonly Presence[], selfPerson: string | null): number {
  return 1 + (selfPerson === null ? 0 : peers.filter((peer) => peer.personId === selfPerson).length);
}

export function remoteNodeMarks(peers: readonly Presence[], previous: RemoteMarks = NO_MARKS): RemoteMarks {
  const collected = new Map<string, { selectedBy: PeerTag[]; editingBy: PeerTag[] }>();
  const entry = (id: string) => {
    let marks = collected.get(id);
    if (!marks) collected.set(id, (marks = { selectedBy: [], editingBy: [] }));
    return marks;
  };
  const shown = new Set<string>();
  for (const peer of [...peers].sort(byClientId)) {
    const tag = tagOf(peer);
    const person = personOf(peer);
    // One mark per person on a node, whichever of their tabs put it there.
    const once = (kind: string, id: string) => !shown.has(`${kind} ${id} ${person}`) && shown.add(`${kind} ${id} ${person}`);
    if (peer.editing && once("edit", peer.editing)) entry(peer.editing).editingBy.push(tag);
    for (const id of new Set(peer.selection)) if (once("select", id)) entry(id).selectedBy.push(tag);
  }
  return reuse(collected, previous, (a, b) => sameTags(a.selectedBy, b.selectedBy) && sameTags(a.editingBy, b.editingBy));
}

/** Where other people are dragging nodes right now. */
export function remoteDrags(peers: readonly Presence[], previous: RemoteDrags = NO_DRAGS): RemoteDrags {
  const collected = new Map<string, { x: number; y: number }>();
  for (const peer of [...peers].sort(byClientId)) for (const { id, x, y } of peer.dragging) collected.set(id, { x, y });
  return reuse(collected, previous, (a, b) => a.x === b.x && a.y === b.y);
}

/** The previous map if every entry is equal, else a new one that keeps each equal entry's old object. */
function reuse<T>(next: Map<string, T>, previous: ReadonlyMap<string, T>, same: (a: T, b: T) => boolean): ReadonlyMap<string, T> {
  let changed = next.size !== previous.size;
  for (const [id, value] of next) {
    const old = previous.get(id);
    if (old !== undefined && same(old, value)) next.set(id, old);
    else changed = true;
  }
  return changed ? next : previous;
}
