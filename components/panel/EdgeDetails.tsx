"use client";
/**
 * The selected link: what it connects, supports or rebuts, reverse it, undercut it, delete it. A
 * premise can be taken out of its reason; an undercut names the link it objects to.
 */
import { useId, useState } from "react";
import { removePremise } from "@/lib/actions/reasons";
import { undercutLink } from "@/lib/actions/undercut";
import { describeLinkEnds } from "@/lib/map/describe";
import { findEdgeBetween } from "@/lib/map/graph";
import { newId } from "@/lib/map/ids";
import { entryOf } from "@/lib/map/records";
import { isReasonRelation, REASON_RELATIONS, type ArgEdge, type ArgNode } from "@/lib/map/types";
import { excerpt, KIND_LABEL, RELATION_ICON, RELATION_LABEL } from "../kinds";
import { TrashIcon, UndercutIcon } from "../icons";
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

const TITLES = { supports: "Link", rebuts: "Link", premise: "Premise", undercuts: "Undercut" } as const;

export function EdgeDetails({ edge, ...props }: PanelProps & { edge: ArgEdge }) {
  const { doc, editable, dispatch, select } = props;
  const name = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const from = entryOf(doc.nodes, edge.from);
  const target = edge.relation === "undercuts" ? entryOf(doc.edges, edge.to) : undefined;
  const to = target ? undefined : entryOf(doc.nodes, edge.to);
  const isReason = isReasonRelation(edge.relation);
  const reversible = isReason && !findEdgeBetween(doc, edge.to, edge.from);

  const reverse = () => {
    const id = newId();
    if (dispatch([{ type: "deleteEdge", id: edge.id }, { type: "addEdge", edge: { id, from: edge.to, to: edge.from, relation: edge.relation } }])) {
      select({ nodeIds: [], edgeIds: [id] });
    }
  };

  return (
    <div className="panel-body" data-testid="panel-edge" data-id={edge.id} data-relation={edge.relation}>
      <h2 className="panel-title">{TITLES[edge.relation]}</h2>
      <div className="edge-summary">
        <NodeButton node={from} select={select} />
        <span className={`relation-tag relation-tag--${edge.relation} edge-summary__relation`}>{RELATION_LABEL[edge.relation]}</span>
        {target ? (
          <button type="button" className="node-chip" data-testid="undercut-target" onClick={() => select({ nodeIds: [], edgeIds: [target.id] })}>
            <span className="node-chip__kind">The link</span>
            <span>{describeLinkEnds(doc, target, 50)}</span>
          </button>
        ) : (
          <NodeButton node={to} select={select} />
        )}
      </div>
      {edge.relation === "undercuts" && <p className="field__hint">It may be true, but it does not show what the link says it shows.</p>}
      {edge.relation === "premise" && <p className="field__hint">One of the premises that carry this argument together.</p>}
      {editable ? (
        <>
          {isReason && (
            <fieldset className="field">
              <legend>Relation</legend>
              <div className="segmented">
                {REASON_RELATIONS.map((relation) => {
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
          )}
          <div className="form-actions">
            {isReason && (
              <button type="button" className="button button--small" onClick={() => setProblem(props.actions.run(undercutLink, { edgeId: edge.id }))} data-testid="edge-undercut">
                <UndercutIcon size={14} />
                Undercut this link
              </button>
            )}
            {isReason && (
              <button type="button" className="button button--small" onClick={reverse} disabled={!reversible} data-testid="edge-reverse">
                Reverse direction
              </button>
            )}
            {edge.relation === "premise" && (
              <button type="button" className="button button--small" onClick={() => setProblem(props.actions.run(removePremise, { edgeId: edge.id }))} data-testid="edge-remove-premise">
                Remove from reason
              </button>
            )}
            <button type="button" className="button button--danger button--small" onClick={() => dispatch([{ type: "deleteEdge", id: edge.id }])} data-testid="edge-delete">
              <TrashIcon size={14} />
              Delete link
            </button>
          </div>
          {problem && (
            <p className="field__error" role="alert">
              {problem}
            </p>
          )}
        </>
      ) : (
        <p className="muted">{describeLinkEnds(doc, edge, 70)}.</p>
      )}
    </div>
  );
}
