"use client";
/**
 * The editor header's Export menu: one button, and a list of formats that each download the map.
 * It follows WAI-ARIA's menu button pattern: Enter, Space or ↓ opens it on the first format
 * (↑ on the last), ↑ ↓ Home End move, a letter jumps to the format it starts, Enter or Space
 * downloads, Esc closes and returns focus to the button, Tab closes and moves on, and so does a
 * click elsewhere. Keys pressed in the menu never reach the editor's shortcuts.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { ChevronDownIcon, DownloadIcon } from "../icons";

const FORMATS = [
  { format: "json", label: "JSON", hint: "Argumap’s own format, to import again" },
  { format: "argdown", label: "Argdown", hint: "Plain text, for argdown.org" },
  { format: "aif", label: "AIF", hint: "For OVA, AIFdb and other argument tools" },
  { format: "svg", label: "SVG", hint: "A picture that stays sharp at any size" },
  { format: "png", label: "PNG", hint: "An image for slides and documents" },
] as const;

export function ExportMenu({ token }: { token: string }) {
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<"first" | "last">("first");
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items = () => [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusAt = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    focusAt(focusOnOpen === "first" ? 0 : -1);
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open, focusOnOpen]);

  const openAt = (where: "first" | "last") => {
    setFocusOnOpen(where);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    openAt(event.key === "ArrowDown" ? "first" : "last");
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === "Tab") {
      setOpen(false);
      return;
    }
    event.stopPropagation();
    const all = items();
    const current = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: -1 };
    if (event.key in moves) {
      event.preventDefault();
      focusAt(moves[event.key]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === " ") {
      // A link does nothing on Space; a menu item is activated by it.
      event.preventDefault();
      (document.activeElement as HTMLElement | null)?.click();
    } else if (event.key.length === 1 && /\p{L}/u.test(event.key)) {
      const letter = event.key.toLowerCase();
      const next = [...all.slice(current + 1), ...all.slice(0, current + 1)].find((item) => item.dataset.label?.toLowerCase().startsWith(letter));
      next?.focus();
    }
  };

  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--small button--quiet"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? setOpen(false) : openAt("first"))}
        onKeyDown={onButtonKey}
        data-testid="export-menu-button"
      >
        <DownloadIcon size={14} />
        Export
        <ChevronDownIcon size={14} className="export-menu__chevron" />
      </button>
      {/* Always in the page, only hidden: a download link taken out of the page mid-click would not download. */}
      <ul ref={list} id={menuId} role="menu" aria-label="Export this map as" className="export-menu__list" hidden={!open} onKeyDown={onMenuKey} data-testid="export-menu">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format} role="none">
            <a
              role="menuitem"
              tabIndex={-1}
              className="export-menu__item"
              href={`/api/maps/${encodeURIComponent(token)}/export?format=${format}`}
              download
              data-label={label}
              data-testid={`export-${format}`}
              onClick={close}
            >
              <span className="export-menu__label">{label}</span>
              <span className="export-menu__hint">{hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
