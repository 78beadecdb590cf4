"use client";
/**
 * The side panel's part in building reasons with several premises: an argument's premises (add
 * one, take one out), a statement's "combine with other reasons for the same point", and the
 * actions for a multiple selection. Every change runs an action of the registry (lib/actions).
 */
import { useId, useState } from "react";
import { addPremise, coPremisePlan, combinePremises, removePremise } from "@/lib/actions/reasons";
import { premisesOf } from "@/lib/map/graph";
import { entryOf } from "@/lib/map/records";
import { isArgument, isReasonRelation, type ArgNode } from "@/lib/map/types";
import { CrossIcon, PremiseIcon } from "../icons";
import { excerpt, KIND_LABEL } from "../kinds";
import type { PanelProps } from "./panelTypes";

function Problem({ problem }: { problem: string | null }) {
  return problem ? (
    <p className="field__error" role="alert">
      {problem}
    </p>
  ) : null;
}

/** An argument's premises, each with a way to take it out, and a button for one more. */
export function ArgumentPremises({ node, ...props }: PanelProps & { node: ArgNode }) {
  const titleId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const premises = premisesOf(props.doc, node.id);
  return (
    <section className="panel-section" aria-labelledby={titleId} data-testid="panel-premises">
      <h3 id={titleId}>Premises</h3>
      <p className="field__hint">Together they carry this reason: it holds only if every premise does.</p>
      {premises.length === 0 ? (
        <p className="muted">No premises yet.</p>
      ) : (
        <ul className="link-list">
          {premises.map((edge) => {
            const premise = entryOf(props.doc.nodes, edge.from);
            const name = premise ? `${KIND_LABEL[premise.kind]}: ${excerpt(premise.text, 48)}` : "(missing node)";
            return (
              <li key={edge.id} className="link-row" data-testid="premise-row">
                <button type="button" className="link-row__node" onClick={() => premise && props.select({ nodeIds: [premise.id], edgeIds: [] })}>
                  {name}
                </button>
                {props.editable && (
                  <button
                    type="button"
                    className="icon-button icon-button--small"
                    aria-label={`Remove from this reason: ${name}`}
                    title="Remove from this reason (the statement stays on the map)"
                    onClick={() => setProblem(props.actions.run(removePremise, { edgeId: edge.id }))}
                  >
                    <CrossIcon size={14} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {props.editable && (
        <button type="button" className="button button--small" data-testid="add-premise" onClick={() => setProblem(props.actions.run(addPremise))}>
          <PremiseIcon size={14} />
          Add a premise
        </button>
      )}
      <Problem problem={problem} />
    </section>
  );
}

/**
 * For a statement that supports or rebuts a point alongside others: pick the ones it works with
 * only together, and combine them into one reason (keyboard users' way to the co-premises action).
 */
export function CombineWithSiblings({ node, ...props }: PanelProps & { node: ArgNode }) {
  const titleId = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const { doc } = props;
  if (!props.editable || isArgument(node)) return null;
  const links = Object.values(doc.edges).filter((edge) => edge.from === node.id && isReasonRelation(edge.relation));
  const siblings = links.flatMap((link) =>
    Object.values(doc.edges)
      .filter((edge) => edge.to === link.to && edge.relation === link.relation && edge.from !== node.id)
      .map((edge) => entryOf(doc.nodes, edge.from))
      .filter((other): other is ArgNode => other !== undefined && !isArgument(other)),
  );
  if (siblings.length === 0) return null;
  const nodeIds = [node.id, ...siblings.filter((other) => chosen.has(other.id)).map((other) => other.id)];
  const plan = coPremisePlan(doc, nodeIds);
  const label = chosen.size > 0 && !("problem" in plan) ? (combinePremises.labelFor?.(props.actions.context(), { nodeIds }) ?? combinePremises.label) : "Combine as co-premises";
  return (
    <section className="panel-section" aria-labelledby={titleId} data-testid="panel-combine">
      <h3 id={titleId}>Works only together with…</h3>
      <p className="field__hint">Choose the reasons this one holds up only in combination with: they become premises of one reason.</p>
      <ul className="check-list">
        {siblings.map((other) => (
          <li key={other.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(other.id)}
                data-testid="combine-choice"
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(other.id);
                  else next.delete(other.id);
                  setChosen(next);
                }}
              />
              {KIND_LABEL[other.kind]}: {excerpt(other.text, 60)}
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--small"
        data-testid="combine-premises"
        disabled={chosen.size === 0}
        onClick={() => setProblem(props.actions.run(combinePremises, { nodeIds }))}
      >
        <PremiseIcon size={14} />
        {label}
      </button>
      <Problem problem={problem} />
    </section>
  );
}

/** For several selected nodes: make them one reason, or premises of the selected argument. */
export function SelectionReasonActions(props: PanelProps) {
  const [problem, setProblem] = useState<string | null>(null);
  if (!props.editable) return null;
  const context = props.actions.context();
  const shown = [combinePremises, addPremise].filter((action) => action.enabled(context));
  if (shown.length === 0) return null;
  return (
    <div className="form-actions">
      {shown.map((action) => (
        <button key={action.id} type="button" className="button button--small" data-testid={`panel-${action.id}`} onClick={() => setProblem(props.actions.run(action))}>
          <PremiseIcon size={14} />
          {action.labelFor?.(context) ?? action.label}
        </button>
      ))}
      <Problem problem={problem} />
    </div>
  );
}
