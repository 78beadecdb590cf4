"use client";
/** Nothing selected: the map's title, description, what it contains, and its sources. */
import { useState } from "react";
import { addSource, deleteSource, editSource } from "@/lib/actions/sources";
import { LIMITS } from "@/lib/map/limits";
import type { Source } from "@/lib/map/types";
import { PlusIcon, SourceIcon } from "../icons";
import { Contributions } from "../history/Contributions";
import { RecentlyDeleted } from "../history/RecentlyDeleted";
import { CommitField } from "./CommitField";
import type { PanelProps } from "./panelTypes";
import { SourceCard, SourceForm, type SourceFields } from "./SourceForm";

function SourceList(props: PanelProps) {
  const { doc, editable, perform, openSource } = props;
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const sources = Object.values(doc.sources);
  const used = new Set(Object.values(doc.nodes).map((node) => node.sourceId));

  const save = (source: Source | null, fields: SourceFields) => {
    const saved = source ? perform(editSource, { sourceId: source.id, fields }) : perform(addSource, { fields });
    // Nothing changed is fine too: the form closes.
    if (saved || source) setEditing(null);
  };

  return (
    <section className="panel-section" aria-labelledby="map-sources">
      <h3 id="map-sources">Sources</h3>
      {sources.length === 0 && editing !== "new" && <p className="muted">No sources yet.</p>}
      <ul className="source-list">
        {sources.map((source) =>
          editing === source.id ? (
            <li key={source.id}>
              <SourceForm initial={source} submitLabel="Save source" onSave={(fields) => save(source, fields)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={source.id} className="source-list__item">
              <SourceCard source={source} />
              <span className="source-list__actions">
                <button
                  type="button"
                  className="link-button"
                  data-testid="source-read"
                  aria-label={`Read “${source.title}”`}
                  onClick={() => openSource(source.id)}
                >
                  <SourceIcon size={12} />
                  Read
                </button>
                {editable && (
                  <>
                    <button type="button" className="link-button" onClick={() => setEditing(source.id)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      disabled={used.has(source.id)}
                      title={used.has(source.id) ? "Nodes cite this source" : undefined}
                      onClick={() => perform(deleteSource, { sourceId: source.id })}
                    >
                      Delete
                    </button>
                  </>
                )}
              </span>
            </li>
          ),
        )}
      </ul>
      {editable &&
        (editing === "new" ? (
          <SourceForm submitLabel="Add source" onSave={(fields) => save(null, fields)} onCancel={() => setEditing(null)} />
        ) : (
          <button type="button" className="button button--small" onClick={() => setEditing("new")} data-testid="source-add">
            <PlusIcon size={14} />
            Add a source
          </button>
        ))}
    </section>
  );
}

export function MapDetails(props: PanelProps) {
  const { doc, editable, dispatch } = props;
  const nodes = Object.values(doc.nodes);
  const count = (kind: string) => nodes.filter((node) => node.kind === kind).length;
  const links = Object.keys(doc.edges).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

  return (
    <div className="panel-body" data-testid="panel-map">
      <h2 className="panel-title">Map</h2>
      {editable ? (
        <>
          <CommitField
            label="Title"
            value={doc.meta.title}
            required
            maxLength={LIMITS.titleLength}
            onCommit={(title) => dispatch([{ type: "updateMap", patch: { title: title.trim() } }])}
            testId="field-map-title"
          />
          <CommitField
            label="Description"
            value={doc.meta.description}
            multiline
            rows={4}
            maxLength={LIMITS.descriptionLength}
            placeholder="What question does this map debate?"
            onCommit={(description) => dispatch([{ type: "updateMap", patch: { description } }])}
            testId="field-map-description"
          />
        </>
      ) : (
        <>
          <p className="map-title-read" data-testid="panel-map-title">
            {doc.meta.title}
          </p>
          {doc.meta.description && <p className="map-description">{doc.meta.description}</p>}
        </>
      )}
      <p className="map-stats" data-testid="map-stats">
        {plural(count("claim"), "claim")} · {plural(count("support"), "support")} · {plural(count("rebuttal"), "rebuttal")} · {count("argument") > 0 && `${plural(count("argument"), "argument")} · `}
        {plural(links, "link")}
      </p>
      <SourceList {...props} />
      <RecentlyDeleted token={props.token} doc={doc} revision={props.revision} editable={editable} dispatch={dispatch} select={props.select} />
      <Contributions token={props.token} doc={doc} revision={props.revision} select={props.select} />
      <section className="panel-section tips">
        <h3>Tips</h3>
        {editable ? (
          <ul>
            <li>Double-click the canvas to add a claim.</li>
            <li>
              Select a node and press <kbd>S</kbd> or <kbd>R</kbd> to answer it with a support or a rebuttal.
            </li>
            <li>Drag from a node&rsquo;s top edge to the node it supports or rebuts, or onto a link to undercut it.</li>
            <li>
              Select reasons that only hold together and press <kbd>G</kbd> to combine them as premises of one reason.
            </li>
            <li>
              Press <kbd>?</kbd> for all shortcuts.
            </li>
          </ul>
        ) : (
          <ul>
            <li>Select a node or a link to read its details here.</li>
            <li>Drag the canvas to pan; scroll or pinch to zoom.</li>
          </ul>
        )}
      </section>
    </div>
  );
}
