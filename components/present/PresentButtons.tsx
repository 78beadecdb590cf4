"use client";
/** The header's way into presenting: the Present button, and for editors the path editor's switch. */
import { PlayIcon } from "./presentIcons";

export function PresentButton({ token }: { token: string }) {
  return (
    <a className="button button--small button--primary" href={`/m/${encodeURIComponent(token)}/present`} data-testid="present-button" title="Present this map step by step, full screen">
      <PlayIcon size={14} />
      Present
    </a>
  );
}

export function PathToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <button type="button" className="button button--small button--quiet" aria-pressed={open} onClick={onToggle} data-testid="path-open" title="Choose the order the presentation shows the map in">
      Path
    </button>
  );
}
