"use client";
/** The selected link: what it connects, supports or rebuts, reverse it, delete it. */
import { useId } from "react";
import { findEdgeBetween } from "@/lib/map/graph";
import { newId } from "@/lib/map/ids";
import { entryOf } from "@/lib/map/records";
import { RELATIONS, type ArgEdge, type ArgNode } from "@/lib/map/types";
import { excerpt, KIND_LABEL, RELATION_ICON, RELATION_LABEL } from "../kinds";
import { TrashIcon } from "../icons";
import type { PanelProps } from "./panelTypes";

function NodeButton({ node, select }: { node: ArgNode | undefined; select: PanelProps["select"] }) {
  if (!node) return <span className="muted">(missing node)</span>;
  return (
    <button type="button" className={`node-chip node-chip--${node.kind}`} onClick={() => select({ nodeIds: [node.id], edgeIds: [] })}>
      <span className="node-chip__kind">{KIND_LABEL[node.kind]}</span>
      <span>{excerpt(node.text, 70)}</span>
    </button>
  );
}

export function EdgeDetails({ edge, ...props }: PanelProps & { edge: ArgEdge }) {
  const { doc, editable, dispatch, select } = props;
  const name = useId();
  const from = entryOf(doc.nodes, edge.from);
  const to = entryOf(doc.nodes, edge.to);
  const reversible = !findEdgeBetween(doc, edge.to, edge.from);

  const reverse = () => {
    const id = newId();
    if (dispatch([{ type: "deleteEdge", id: edge.id }, { type: "addEdge", edge: { id, from: edge.to, to: edge.from, relation: edge.relation } }])) {
      select({ nodeIds: [], edgeIds: [id] });
    }
  };

  return (
    <div className="panel-body" data-testid="panel-edge" data-id={edge.id}>
      <h2 className="panel-title">Link</h2>
      <div className="edge-summary">
        <NodeButton node={from} select={select} />
        <span className={`relation-tag relation-tag--${edge.relation} edge-summary__relation`}>{RELATION_LABEL[edge.relation]}</span>
        <NodeButton node={to} select={select} />
      </div>
      {editable ? (
        <>
          <fieldset className="field">
            <legend>Relation</legend>
            <div className="segmented">
              {RELATIONS.map((relation) => {
                const Icon = RELATION_ICON[relation];
                return (
                  <label key={relation} className={`segmented__option segmented__option--${relation}`}>
                    <input
                      type="radio"
                      name={name}
                      value={relation}
                      checked={edge.relation === relation}
                      onChange={() => dispatch([{ type: "updateEdge", id: edge.id, patch: { relation } }])}
                      data-testid={`field-edge-relation-${relation}`}
                    />
                    <Icon size={14} />
                    {RELATION_LABEL[relation]}
                  </label>
                );
              })}
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="button" className="button button--small" onClick={reverse} disabled={!reversible} data-testid="edge-reverse">
              Reverse direction
            </button>
            <button type="button" className="button button--danger button--small" onClick={() => dispatch([{ type: "deleteEdge", id: edge.id }])} data-testid="edge-delete">
              <TrashIcon size={14} />
              Delete link
            </button>
          </div>
        </>
      ) : (
        <p className="muted">
          The {from ? KIND_LABEL[from.kind].toLowerCase() : "node"} {RELATION_LABEL[edge.relation]} the {to ? KIND_LABEL[to.kind].toLowerCase() : "node"}.
        </p>
      )}
    </div>
  );
}
