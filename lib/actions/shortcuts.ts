/** Matching and printing key combinations; no DOM types, so it runs in tests too. */
import type { Shortcut } from "./types";

/** The parts of a KeyboardEvent a shortcut looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);
/** A single printable character other than a letter ("?", "+"): Shift is part of typing it, so ignore it. */
const isSymbol = (key: string) => key.length === 1 && !isLetter(key) && key !== " ";

/** A canonical name for a combination ("mod+shift+z"); two actions must never share one. */
export function shortcutId(shortcut: Shortcut): string {
  const parts: string[] = [];
  if (shortcut.mod) parts.push("mod");
  if (shortcut.alt) parts.push("alt");
  if (shortcut.shift && !isSymbol(shortcut.key)) parts.push("shift");
  parts.push(shortcut.key.toLowerCase());
  return parts.join("+");
}

export function matchesShortcut(press: KeyPress, shortcut: Shortcut): boolean {
  if (press.key.toLowerCase() !== shortcut.key.toLowerCase()) return false;
  if ((press.ctrlKey || press.metaKey) !== Boolean(shortcut.mod)) return false;
  if (press.altKey !== Boolean(shortcut.alt)) return false;
  if (isSymbol(shortcut.key)) return true;
  return press.shiftKey === Boolean(shortcut.shift);
}

const KEY_NAMES: Record<string, string> = {
  Delete: "Delete",
  Backspace: "Backspace",
  Enter: "Enter",
  Escape: "Esc",
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
};

/** "Ctrl+Shift+Z" on Windows and Linux, "⌘⇧Z" on macOS. */
export function formatShortcut(shortcut: Shortcut, mac: boolean): string {
  const key = KEY_NAMES[shortcut.key] ?? shortcut.key.toUpperCase();
  const shift = shortcut.shift && !isSymbol(shortcut.key);
  if (mac) return `${shortcut.mod ? "⌘" : ""}${shortcut.alt ? "⌥" : ""}${shift ? "⇧" : ""}${key}`;
  return [shortcut.mod && "Ctrl", shortcut.alt && "Alt", shift && "Shift", key].filter(Boolean).join("+");
}
