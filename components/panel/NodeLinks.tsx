"use client";
/** A node's links in both directions, and a keyboard-friendly way to add one (no dragging needed). */
import { useId, useMemo, useState, type FormEvent } from "react";
import { linkNodes } from "@/lib/actions/link";
import { newId } from "@/lib/map/ids";
import { entryOf } from "@/lib/map/records";
import { RELATIONS, type ArgEdge, type ArgNode, type Relation } from "@/lib/map/types";
import { contradictsKind } from "@/lib/map/consistency";
import { defaultRelationFor } from "@/lib/map/graph";
import { CrossIcon } from "../icons";
import { excerpt, KIND_LABEL, RELATION_ICON, RELATION_LABEL } from "../kinds";
import type { PanelProps } from "./panelTypes";
import "./kind-links.css";

function RelationTag({ relation }: { relation: Relation }) {
  const Icon = RELATION_ICON[relation];
  return (
    <span className={`relation-tag relation-tag--${relation}`}>
      <Icon size={12} />
      {RELATION_LABEL[relation]}
    </span>
  );
}

function LinkRow({ edge, other, direction, ...props }: PanelProps & { edge: ArgEdge; other: ArgNode | undefined; direction: "out" | "in" }) {
  const name = other ? `${KIND_LABEL[other.kind]}: ${excerpt(other.text, 48)}` : "(missing node)";
  const reason = direction === "out" ? entryOf(props.doc.nodes, edge.from) : other;
  const mismatch = contradictsKind(edge, reason);
  const otherButton = (
    <button type="button" className="link-row__node" onClick={() => other && props.select({ nodeIds: [other.id], edgeIds: [] })}>
      {name}
    </button>
  );
  return (
    <li className="link-row" data-testid="link-row" data-relation={edge.relation} data-direction={direction} data-mismatch={mismatch ? "true" : undefined}>
      <span className="link-row__text">
        {direction === "out" ? (
          <>
            <span className="link-row__this">This</span> <RelationTag relation={edge.relation} /> {otherButton}
          </>
        ) : (
          <>
            {otherButton} <RelationTag relation={edge.relation} /> <span className="link-row__this">this</span>
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
          aria-label={`Remove the link: ${direction === "out" ? "this" : name} ${edge.relation} ${direction === "out" ? name : "this"}`}
          onClick={() => props.dispatch([{ type: "deleteEdge", id: edge.id }])}
        >
          <CrossIcon size={14} />
        </button>
      )}
    </li>
  );
}

function AddLinkForm({ node, ...props }: PanelProps & { node: ArgNode }) {
  const formId = useId();
  const [relation, setRelation] = useState<Relation>(defaultRelationFor(node.kind));
  const [target, setTarget] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const targets = useMemo(
    () => Object.values(props.doc.nodes).filter((other) => other.id !== node.id),
    [props.doc.nodes, node.id],
  );
  if (targets.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setProblem("Choose the node this one supports or rebuts.");
      return;
    }
    const result = linkNodes(props.doc, node.id, target, newId(), relation);
    if (!result.ok) setProblem(result.problem);
    else if (props.dispatch(result.ops)) {
      setProblem(null);
      setTarget("");
    }
  };

  return (
    <form className="add-link" onSubmit={submit} aria-label="Add a link from this node">
      <div className="add-link__row">
        <label htmlFor={`${formId}-relation`} className="visually-hidden">
          Relation
        </label>
        <span aria-hidden="true">This</span>
        <select id={`${formId}-relation`} value={relation} onChange={(event) => setRelation(event.target.value as Relation)} data-testid="field-link-relation">
          {RELATIONS.map((value) => (
            <option key={value} value={value}>
              {RELATION_LABEL[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`${formId}-target`} className="visually-hidden">
          Node it {relation}
        </label>
        <select id={`${formId}-target`} value={target} onChange={(event) => setTarget(event.target.value)} data-testid="field-link-target">
          <option value="">Choose a node…</option>
          {targets.map((other) => (
            <option key={other.id} value={other.id}>
              {KIND_LABEL[other.kind]}: {excerpt(other.text, 50)}
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
  const incoming = edges.filter((edge) => edge.to === node.id);
  return (
    <section className="panel-section" aria-labelledby={`links-${node.id}`}>
      <h3 id={`links-${node.id}`}>Links</h3>
      {outgoing.length + incoming.length === 0 && <p className="muted">Not linked to anything yet.</p>}
      {outgoing.length > 0 && (
        <ul className="link-list">
          {outgoing.map((edge) => (
            <LinkRow key={edge.id} {...props} edge={edge} other={entryOf(doc.nodes, edge.to)} direction="out" />
          ))}
        </ul>
      )}
      {incoming.length > 0 && (
        <>
          <h4>Reasons for and against this</h4>
          <ul className="link-list">
            {incoming.map((edge) => (
              <LinkRow key={edge.id} {...props} edge={edge} other={entryOf(doc.nodes, edge.from)} direction="in" />
            ))}
          </ul>
        </>
      )}
      {props.editable && <AddLinkForm {...props} node={node} />}
    </section>
  );
}
