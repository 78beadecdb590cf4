"use client";
/**
 * The bar above the editor: home, the map's title, the link's role, and its status and actions.
 * Up to a small tablet's width the actions (people, Path, Present, Room, Share, Export) fold into a
 * "More" menu, so every one stays reachable down to 390 px and the title keeps its room; the
 * status (live, saved) stays in view.
 */
import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Role } from "@/lib/map/types";
import "./header-phone.css";
import { ExportMenu } from "./ExportMenu";

const ROLE_LABEL: Record<Role, string> = { owner: "Owner", edit: "Can edit", view: "View only" };

export function EditorHeader({ token, title, role, status, children }: { token: string; title: string; role: Role; status?: ReactNode; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const actions = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      // A dialog opened from the menu (Share, Room) sits outside it: leave the menu be until it closes.
      if (!actions.current?.contains(target) && !more.current?.contains(target) && !(target instanceof Element && target.closest("dialog"))) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || document.querySelector("dialog[open]")) return;
      setOpen(false);
      more.current?.focus();
    };
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);

  return (
    <header className="editor-header">
      <Link href="/" className="brand" aria-label="Argumap home">
        <span className="brand__mark" aria-hidden="true" />
        <span className="brand__name">Argumap</span>
      </Link>
      <div className="editor-header__title">
        <h1 title={title}>{title}</h1>
        <span className={`role-badge role-badge--${role}`} data-testid="role-badge" data-role={role}>
          {ROLE_LABEL[role]}
        </span>
      </div>
      {status}
      <button
        ref={more}
        type="button"
        className="icon-button editor-header__more"
        aria-expanded={open}
        aria-controls="editor-header-actions"
        aria-label="More actions"
        onClick={() => setOpen((was) => !was)}
        data-testid="header-more"
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div ref={actions} id="editor-header-actions" className="editor-header__actions" data-open={open ? "true" : "false"}>
        {children}
        <ExportMenu token={token} />
      </div>
    </header>
  );
}
