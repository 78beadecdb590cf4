"use client";
/**
 * A node's history in the side panel: every version (from the op log), newest first, with who
 * changed what and when, and Restore on any earlier one (an ordinary, undoable change).
 */
import "./history.css";
import { useId, useState } from "react";
import { restoreVersionOps } from "@/lib/actions/restore";
import type { Op } from "@/lib/map/ops";
import { contentFields, sameContent } from "@/lib/map/nodeVersions";
import type { ArgNode, MapDoc } from "@/lib/map/types";
import { KIND_LABEL } from "../kinds";
import { PanelToggle } from "./PanelToggle";
import { personName, timeAgo } from "./time";
import { useMapJson } from "./useMapJson";

interface Version {
  revision: number;
  author: string;
  at: string;
  node: ArgNode | null;
}

const FIELD_NAMES: Record<string, string> = { kind: "kind", text: "text", speaker: "speaker", sourceId: "source", quote: "quote", quotePrefix: "quote's context", quoteSuffix: "quote's context" };

/** What a version changed, in words, against the one before it. */
function whatChanged(version: Version, previous: Version | undefined): string {
  if (!version.node) return "deleted it";
  if (!previous?.node) return previous ? "brought it back" : "created it";
  const before = previous.node;
  const fields = contentFields(version.node).filter((field) => before[field] !== version.node![field]);
  if (fields.length === 1 && fields[0] === "kind") return `made it a ${KIND_LABEL[version.node.kind].toLowerCase()}`;
  return `changed the ${[...new Set(fields.map((field) => FIELD_NAMES[field] ?? field))].join(", ") || "node"}`;
}

export function NodeHistory({ token, doc, node, revision, editable, dispatch }: { token: string; doc: MapDoc; node: ArgNode; revision: number; editable: boolean; dispatch(ops: Op[]): boolean }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const url = open ? `/api/maps/${encodeURIComponent(token)}/history?node=${encodeURIComponent(node.id)}` : null;
  const { data, failed } = useMapJson<{ versions: Version[]; more: boolean }>(url, revision);
  const versions = data?.versions ?? [];
  const newestFirst = versions.map((version, i) => ({ version, previous: versions[i - 1] })).reverse();

  return (
    <section className="panel-section node-history" data-testid="node-history">
      <PanelToggle open={open} onToggle={() => setOpen((value) => !value)} testId="history-toggle" controls={listId}>
        History
      </PanelToggle>
      {open && (
        <div id={listId}>
          {failed && <p className="muted">The history could not be loaded. It will be tried again with the next change.</p>}
          {!data && !failed && <p className="muted">Loading…</p>}
          {data && versions.length === 0 && <p className="muted">No versions recorded yet.</p>}
          <ol className="version-list" reversed>
            {newestFirst.map(({ version, previous }) => {
              const current = version.node !== null && sameContent(version.node, node);
              return (
                <li key={version.revision} className={`version${current ? " version--current" : ""}`} data-testid="history-version" data-revision={version.revision}>
                  <div className="version__who">
                    <strong>{personName(version.author)}</strong> {whatChanged(version, previous)} · <time dateTime={version.at}>{timeAgo(version.at)}</time>
                  </div>
                  {version.node && (
                    <>
                      <p className="version__text" data-testid="history-version-text">
                        {version.node.text || <span className="muted">(no text)</span>}
                      </p>
                      <p className="version__fields">
                        {KIND_LABEL[version.node.kind]}
                        {version.node.speaker && ` · ${version.node.speaker}`}
                        {version.node.quote && ` · “${version.node.quote}”`}
                      </p>
                      {editable && !current && (
                        <button
                          type="button"
                          className="button button--small"
                          data-testid="history-restore"
                          onClick={() => {
                            const ops = restoreVersionOps(doc, version.node!);
                            if (ops) dispatch(ops);
                          }}
                        >
                          Restore this version
                        </button>
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ol>
          {data?.more && <p className="muted">Older versions are not shown.</p>}
        </div>
      )}
    </section>
  );
}
