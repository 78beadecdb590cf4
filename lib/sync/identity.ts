/**
 * Who this browser is to the others on a map: a name (asked once, kept in localStorage) and a
 * colour chosen once per browser. Every palette colour carries white text at WCAG AA (≥ 4.5:1),
 * so initials and name labels drawn on it stay readable; none is a node kind's colour.
 */
import { newId } from "../map/ids";

export const NAME_KEY = "argumap:name";
export const COLOUR_KEY = "argumap:colour";
/** One id per browser, shared by its tabs, so a person with several tabs open is shown once. */
export const PERSON_KEY = "argumap:person";
/** The presence schema's limit. */
export const NAME_MAX_LENGTH = 60;

export const PALETTE = [
  "#c2410c", // orange
  "#a16207", // amber
  "#4d7c0f", // lime
  "#0f766e", // teal
  "#0e7490", // cyan
  "#0369a1", // sky
  "#7c3aed", // violet
  "#a21caf", // fuchsia
  "#be185d", // pink
  "#475569", // slate
] as const;

export interface Identity {
  name: string;
  colour: string;
  personId: string;
  /** No name was saved yet: this is the first visit, so ask. */
  askName: boolean;
}

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">;

/** The name as it will be shown: one line, trimmed, within the limit; "" when nothing is left. */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().slice(0, NAME_MAX_LENGTH).trim();
}

export function suggestName(random: () => number = Math.random): string {
  return `Guest ${10 + Math.floor(random() * 90)}`;
}

export function initialsOf(name: string): string {
  const words = cleanName(name).split(" ").filter(Boolean);
  if (words.length === 0) return "?";
  // "Guest 12" is G12: the number is what tells two guests apart.
  if (words.length > 1 && /^\d{1,2}$/.test(words.at(-1)!)) return `${[...words[0]!][0]!.toUpperCase()}${words.at(-1)}`;
  const letters = words.length === 1 ? [...words[0]!].slice(0, 2) : [[...words[0]!][0]!, [...words.at(-1)!][0]!];
  return letters.join("").toUpperCase();
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage disabled or full: the identity still holds for this page.
  }
}

/** Reads the saved identity, choosing (and saving) a colour and a person id the first time. */
export function loadIdentity(storage: Storage | null, random: () => number = Math.random): Identity {
  const savedName = cleanName(read(storage, NAME_KEY) ?? "");
  let colour = read(storage, COLOUR_KEY) ?? "";
  if (!(PALETTE as readonly string[]).includes(colour)) {
    colour = PALETTE[Math.floor(random() * PALETTE.length)]!;
    write(storage, COLOUR_KEY, colour);
  }
  let personId = read(storage, PERSON_KEY) ?? "";
  if (!/^u_[A-Za-z0-9_-]{16}$/.test(personId)) {
    personId = newId("u");
    write(storage, PERSON_KEY, personId);
  }
  return savedName ? { name: savedName, colour, personId, askName: false } : { name: suggestName(random), colour, personId, askName: true };
}

/** Saves a name; an empty one keeps the current name. Either way the question is not asked again. */
export function saveName(storage: Storage | null, identity: Identity, raw: string): Identity {
  const name = cleanName(raw) || identity.name;
  write(storage, NAME_KEY, name);
  return { ...identity, name, askName: false };
}

/** WCAG contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/**
 * The colour to show this session: the browser's own, unless someone here already shows it and
 * comes first (by client id, so of two people only one gives way); then the first colour nobody
 * here shows. The saved colour is unchanged, so it is back next time.
 */
export function sessionColour(preferred: string, clientId: string, peers: readonly { clientId: string; colour: string; personId?: string }[], personId?: string): string {
  // My own other tabs show my colour too: they are me.
  const others = personId ? peers.filter((peer) => peer.personId !== personId) : peers;
  if (!others.some((peer) => peer.colour === preferred && peer.clientId < clientId)) return preferred;
  const used = new Set(others.map((peer) => peer.colour));
  return PALETTE.find((colour) => !used.has(colour)) ?? preferred;
}
