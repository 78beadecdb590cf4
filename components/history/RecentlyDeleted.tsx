"use client";
/** Nodes deleted and not brought back, newest first, each with Restore (its links come back too). */
import "./history.css";
import { useId, useState } from "react";
import { restoreDeletedOps } from "@/lib/actions/restore";
import type { Op } from "@/lib/map/ops";
import { hasEntry } from "@/lib/map/records";
import type { ArgEdge, ArgNode, MapDoc } from "@/lib/map/types";
import { excerpt, KIND_LABEL } from "../kinds";
import { PanelToggle } from "./PanelToggle";
import { personName, timeAgo } from "./time";
import { useMapJson } from "./useMapJson";

interface Deleted {
  revision: number;
  author: string;
  at: string;
  node: ArgNode;
  links: ArgEdge[];
}

export interface RecentlyDeletedProps {
  token: string;
  doc: MapDoc;
  revision: number;
  editable: boolean;
  dispatch(ops: Op[]): boolean;
  select(selection: { nodeIds: string[]; edgeIds: string[] }): void;
}

export function RecentlyDeleted({ token, doc, revision, editable, dispatch, select }: RecentlyDeletedProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { data, failed } = useMapJson<{ deleted: Deleted[] }>(open ? `/api/maps/${encodeURIComponent(token)}/history/deleted` : null, revision);
  // Restored here a moment ago (the list catches up with the server shortly).
  const shown = (data?.deleted ?? []).filter((item) => !hasEntry(doc.nodes, item.node.id));
  return (
    <section className="panel-section" data-testid="recently-deleted">
      <PanelToggle open={open} onToggle={() => setOpen((value) => !value)} testId="recently-deleted-toggle" controls={listId}>
        Recently deleted
      </PanelToggle>
      {open && (
        <div id={listId}>
          {failed && <p className="muted">The list could not be loaded.</p>}
          {!data && !failed && <p className="muted">Loading…</p>}
          {data && shown.length === 0 && <p className="muted">Nothing deleted.</p>}
          <ul className="deleted-list">
            {shown.map((item) => (
              <li key={`${item.node.id}-${item.revision}`} className="deleted-item" data-testid="deleted-item" data-id={item.node.id}>
                <div className="deleted-item__who">
                  {KIND_LABEL[item.node.kind]} deleted by <strong>{personName(item.author)}</strong> · <time dateTime={item.at}>{timeAgo(item.at)}</time>
                  {item.links.length > 0 && ` · ${item.links.length} link${item.links.length === 1 ? "" : "s"}`}
                </div>
                <p className="deleted-item__text">{excerpt(item.node.text, 160)}</p>
                {editable && (
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="deleted-restore"
                    onClick={() => {
                      const ops = restoreDeletedOps(doc, item.node, item.links);
                      if (ops && dispatch(ops)) select({ nodeIds: [item.node.id], edgeIds: [] });
                    }}
                  >
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
