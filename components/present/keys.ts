/** The presentation's keys: the ones presentation remotes and PowerPoint users expect. */

export type PresentationCommand = "next" | "previous" | "first" | "last" | "leave" | "fullscreen" | "blank" | "presenter" | "stand";

const KEYS: Record<string, PresentationCommand> = {
  ArrowRight: "next",
  ArrowDown: "next",
  PageDown: "next",
  " ": "next",
  ArrowLeft: "previous",
  ArrowUp: "previous",
  PageUp: "previous",
  Home: "first",
  End: "last",
  Escape: "leave",
  f: "fullscreen",
  b: "blank",
  ".": "blank",
  p: "presenter",
  w: "stand",
};

/** The command a key press asks for, or null (modified keys and typing belong to the browser). */
export function commandForKey(event: KeyboardEvent): PresentationCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return null;
  const target = event.target as HTMLElement | null;
  if (target?.closest("input, textarea, select, [contenteditable='true']")) return null;
  // Space and Enter on a focused button press that button, and nothing more.
  if (target?.closest("button, a") && (event.key === " " || event.key === "Enter")) return null;
  return KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? null;
}
