"use client";
/**
 * A node's links in both directions, and a keyboard-friendly way to add one (no dragging needed):
 * to a node it supports or rebuts, to an argument it is a premise of, or onto a link it undercuts.
 * Each link can be selected from here, so a keyboard user reaches the link's own actions.
 */
import { useId, useMemo, useState, type FormEvent } from "react";
import { link, linkableRelations } from "@/lib/actions/link";
import { describeLinkEnds } from "@/lib/map/describe";
import { defaultRelationFor } from "@/lib/map/graph";
import { newId } from "@/lib/map/ids";
import { entryOf } from "@/lib/map/records";
import { contradictsKind } from "@/lib/map/consistency";
import { aimsAtNode, isArgument, isReasonRelation, type ArgEdge, type ArgNode, type Relation } from "@/lib/map/types";
import { CrossIcon } from "../icons";
import { excerpt, KIND_LABEL, RELATION_ICON, RELATION_LABEL } from "../kinds";
import type { PanelProps } from "./panelTypes";
import "./kind-links.css";

/** The relation as a tag; a button selecting the link, so its own details (and actions) show. */
function RelationTag({ edge, select }: { edge: ArgEdge; select: PanelProps["select"] }) {
  const Icon = RELATION_ICON[edge.relation];
  return (
    <button
      type="button"
      className={`relation-tag relation-tag--${edge.relation}`}
      title="Select this link"
      data-testid="link-row-select"
      onClick={() => select({ nodeIds: [], edgeIds: [edge.id] })}
    >
      <Icon size={12} />
      {RELATION_LABEL[edge.relation]}
    </button>
  );
}

function LinkRow({ edge, direction, ...props }: PanelProps & { edge: ArgEdge; direction: "out" | "in" }) {
  const { doc } = props;
  const other = entryOf(doc.nodes, direction === "out" ? edge.to : edge.from);
  const targetLink = direction === "out" && edge.relation === "undercuts" ? entryOf(doc.edges, edge.to) : undefined;
  const name = targetLink ? `the link ${describeLinkEnds(doc, targetLink)}` : other ? `${KIND_LABEL[other.kind]}: ${excerpt(other.text, 48)}` : "(missing node)";
  const reason = direction === "out" ? entryOf(doc.nodes, edge.from) : other;
  const mismatch = contradictsKind(edge, reason);
  const otherButton = (
    <button
      type="button"
      className="link-row__node"
      onClick={() => (targetLink ? props.select({ nodeIds: [], edgeIds: [targetLink.id] }) : other && props.select({ nodeIds: [other.id], edgeIds: [] }))}
    >
      {name}
    </button>
  );
  return (
    <li className="link-row" data-testid="link-row" data-relation={edge.relation} data-direction={direction} data-mismatch={mismatch ? "true" : undefined}>
      <span className="link-row__text">
        {direction === "out" ? (
          <>
            <span className="link-row__this">This</span> <RelationTag edge={edge} select={props.select} /> {otherButton}
          </>
        ) : (
          <>
            {otherButton} <RelationTag edge={edge} select={props.select} /> <span className="link-row__this">this</span>
          </>
        )}
        {mismatch && reason && (
          <span className="link-row__mismatch">
            {" "}
            (a {KIND_LABEL[reason.kind].toLowerCase()} that {edge.relation}: kind and link disagree)
          </span>
        )}
      </span>
      {props.editable && (
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={`Remove the link: ${direction === "out" ? "this" : name} ${RELATION_LABEL[edge.relation]} ${direction === "out" ? name : "this"}`}
          onClick={() => props.dispatch([{ type: "deleteEdge", id: edge.id }])}
        >
          <CrossIcon size={14} />
        </button>
      )}
    </li>
  );
}

/** What a link with this relation can point at: nodes, arguments, or supports/rebuts links (never this node's own). */
function targetsFor(doc: PanelProps["doc"], node: ArgNode, relation: Relation): { id: string; label: string }[] {
  if (relation === "undercuts") {
    return Object.values(doc.edges)
      .filter((edge) => isReasonRelation(edge.relation) && edge.from !== node.id && edge.to !== node.id)
      .map((edge) => ({ id: edge.id, label: `Link: ${describeLinkEnds(doc, edge, 30)}` }));
  }
  return Object.values(doc.nodes)
    .filter((other) => other.id !== node.id && (relation !== "premise" || isArgument(other)))
    .map((other) => ({ id: other.id, label: `${KIND_LABEL[other.kind]}: ${excerpt(other.text, 50)}` }));
}

function AddLinkForm({ node, ...props }: PanelProps & { node: ArgNode }) {
  const formId = useId();
  const [relation, setRelation] = useState<Relation>(defaultRelationFor(node.kind));
  const [target, setTarget] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const relations = linkableRelations(props.doc, node.id);
  const targets = useMemo(() => targetsFor(props.doc, node, relation), [props.doc, node, relation]);
  if (Object.keys(props.doc.nodes).length < 2) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setProblem(relation === "undercuts" ? "Choose the link this one undercuts." : "Choose the node this one is linked to.");
      return;
    }
    const refusal = props.actions.run(link, { from: node.id, to: target, relation, edgeId: newId() });
    setProblem(refusal);
    if (!refusal) setTarget("");
  };

  return (
    <form className="add-link" onSubmit={submit} aria-label="Add a link from this node">
      <div className="add-link__row">
        <label htmlFor={`${formId}-relation`} className="visually-hidden">
          Relation
        </label>
        <span aria-hidden="true">This</span>
        <select
          id={`${formId}-relation`}
          value={relation}
          onChange={(event) => {
            setRelation(event.target.value as Relation);
            setTarget("");
          }}
          data-testid="field-link-relation"
        >
          {relations.map(({ relation: value }) => (
            <option key={value} value={value}>
              {RELATION_LABEL[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`${formId}-target`} className="visually-hidden">
          {relation === "undercuts" ? "Link it undercuts" : relation === "premise" ? "Argument it is a premise of" : `Node it ${relation}`}
        </label>
        <select id={`${formId}-target`} value={target} onChange={(event) => setTarget(event.target.value)} data-testid="field-link-target">
          <option value="">{relation === "undercuts" ? "Choose a link…" : relation === "premise" ? "Choose an argument…" : "Choose a node…"}</option>
          {targets.map((other) => (
            <option key={other.id} value={other.id}>
              {other.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--small" data-testid="link-add">
        Add link
      </button>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

export function NodeLinks({ node, ...props }: PanelProps & { node: ArgNode }) {
  const { doc } = props;
  const edges = Object.values(doc.edges);
  const outgoing = edges.filter((edge) => edge.from === node.id);
  // Premises are listed with their argument (ReasonSections); undercuts aim at links, not at this node.
  const incoming = edges.filter((edge) => edge.to === node.id && aimsAtNode(edge) && edge.relation !== "premise");
  return (
    <section className="panel-section" aria-labelledby={`links-${node.id}`}>
      <h3 id={`links-${node.id}`}>Links</h3>
      {outgoing.length + incoming.length === 0 && <p className="muted">Not linked to anything yet.</p>}
      {outgoing.length > 0 && (
        <ul className="link-list">
          {outgoing.map((edge) => (
            <LinkRow key={edge.id} {...props} edge={edge} direction="out" />
          ))}
        </ul>
      )}
      {incoming.length > 0 && (
        <>
          <h4>Reasons for and against this</h4>
          <ul className="link-list">
            {incoming.map((edge) => (
              <LinkRow key={edge.id} {...props} edge={edge} direction="in" />
            ))}
          </ul>
        </>
      )}
      {props.editable && <AddLinkForm {...props} node={node} />}
    </section>
  );
}
