"use client";
/** The bar above the editor: home, the map's title, the link's role, save state, export. */
import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/map/types";
import { ExportMenu } from "./ExportMenu";

const ROLE_LABEL: Record<Role, string> = { owner: "Owner", edit: "Can edit", view: "View only" };

export function EditorHeader({ token, title, role, children }: { token: string; title: string; role: Role; children?: ReactNode }) {
  return (
    <header className="editor-header">
      <Link href="/" className="brand" aria-label="Argumap home">
        <span className="brand__mark" aria-hidden="true" />
        Argumap
      </Link>
      <div className="editor-header__title">
        <h1 title={title}>{title}</h1>
        <span className={`role-badge role-badge--${role}`} data-testid="role-badge" data-role={role}>
          {ROLE_LABEL[role]}
        </span>
      </div>
      <div className="editor-header__actions">
        {children}
        <ExportMenu token={token} />
      </div>
    </header>
  );
}
