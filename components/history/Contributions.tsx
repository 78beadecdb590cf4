"use client";
/**
 * Who did what on the map (a teacher's view of a class map): per person, how many nodes they
 * added, changed and deleted, and the nodes on the map now that they created or changed last.
 */
import "./history.css";
import { useId, useState } from "react";
import { entryOf } from "@/lib/map/records";
import type { MapDoc } from "@/lib/map/types";
import { excerpt, KIND_LABEL } from "../kinds";
import { PanelToggle } from "./PanelToggle";
import { personName } from "./time";
import { useMapJson } from "./useMapJson";

interface Answer {
  people: { name: string; added: number; changed: number; deleted: number }[];
  nodes: Record<string, { createdBy: string; changedBy: string }>;
}

const count = (n: number, word: string) => `${word} ${n}`;

export function Contributions({ token, doc, revision, select }: { token: string; doc: MapDoc; revision: number; select(selection: { nodeIds: string[]; edgeIds: string[] }): void }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { data, failed } = useMapJson<Answer>(open ? `/api/maps/${encodeURIComponent(token)}/contributions` : null, revision);
  const nodesBy = (name: string, field: "createdBy" | "changedBy") =>
    Object.entries(data?.nodes ?? {}).flatMap(([id, entry]) => {
      const node = entryOf(doc.nodes, id);
      return node && entry[field] === name ? [node] : [];
    });

  return (
    <section className="panel-section" data-testid="contributions">
      <PanelToggle open={open} onToggle={() => setOpen((value) => !value)} testId="contributions-toggle" controls={listId}>
        Contributions
      </PanelToggle>
      {open && (
        <div id={listId}>
          {failed && <p className="muted">Contributions could not be loaded.</p>}
          {!data && !failed && <p className="muted">Loading…</p>}
          {data && data.people.length === 0 && <p className="muted">Nobody has added anything yet.</p>}
          <ul className="people-list">
            {data?.people.map((person) => {
              const created = nodesBy(person.name, "createdBy");
              const changed = nodesBy(person.name, "changedBy").filter((node) => !created.includes(node));
              return (
                <li key={person.name} className="person" data-testid="contribution" data-name={person.name}>
                  <strong>{personName(person.name)}</strong>
                  <div className="person__counts" data-testid="contribution-counts">
                    {[count(person.added, "added"), count(person.changed, "changed"), count(person.deleted, "deleted")].join(" · ")}
                  </div>
                  {created.length + changed.length > 0 && (
                    <details>
                      <summary>Their nodes on the map</summary>
                      <ul>
                        {[...created.map((node) => ({ node, how: "added" })), ...changed.map((node) => ({ node, how: "changed last" }))].map(({ node, how }) => (
                          <li key={node.id}>
                            <button type="button" className="link-button" onClick={() => select({ nodeIds: [node.id], edgeIds: [] })}>
                              {KIND_LABEL[node.kind]}: {excerpt(node.text, 50)}
                            </button>{" "}
                            <span className="muted">({how})</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
