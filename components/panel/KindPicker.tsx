"use client";
/**
 * A node's kind. When the new kind disagrees with the node's links (a rebuttal that *supports*
 * something), it asks whether to flip those links as well, and does both in one undoable step.
 */
import { useEffect, useId, useRef, useState } from "react";
import { changeKindOps } from "@/lib/actions/changeKind";
import { linksContradicting, stanceOf } from "@/lib/map/consistency";
import { kindChangeProblem } from "@/lib/map/structureRules";
import type { Op } from "@/lib/map/ops";
import { entryOf } from "@/lib/map/records";
import { NODE_KINDS, type ArgNode, type MapDoc, type NodeKind } from "@/lib/map/types";
import { excerpt, KIND_ICON, KIND_LABEL } from "../kinds";
import "./kind-links.css";

export function KindPicker({ node, doc, dispatch }: { node: ArgNode; doc: MapDoc; dispatch(ops: Op[]): boolean }) {
  const name = useId();
  const [offer, setOffer] = useState<NodeKind | null>(null);
  const flip = useRef<HTMLButtonElement>(null);
  const contradicting = offer ? linksContradicting(doc, node.id, offer) : [];
  const stance = offer ? stanceOf(offer) : null;

  useEffect(() => {
    if (offer) flip.current?.focus();
  }, [offer]);

  const change = (kind: NodeKind, flipLinks: boolean) => {
    setOffer(null);
    const ops = changeKindOps(doc, node.id, kind, { flipLinks });
    if (ops) dispatch(ops);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const choose = (kind: NodeKind) => {
    // Premises are statements, and only an argument holds premises: say so rather than do nothing.
    const refusal = kindChangeProblem(node, kind, Object.values(doc.edges));
    setProblem(refusal && `${refusal.message.charAt(0).toUpperCase()}${refusal.message.slice(1)}.`);
    if (refusal) return setOffer(null);
    if (linksContradicting(doc, node.id, kind).length > 0) setOffer(kind);
    else change(kind, false);
  };

  return (
    <fieldset className="field kind-picker" data-testid="field-node-kind">
      <legend>Kind</legend>
      <div className="segmented">
        {NODE_KINDS.map((kind) => {
          const Icon = KIND_ICON[kind];
          return (
            <label key={kind} className={`segmented__option segmented__option--${kind}`}>
              <input type="radio" name={name} value={kind} checked={(offer ?? node.kind) === kind} onChange={() => choose(kind)} data-testid={`field-node-kind-${kind}`} />
              <Icon size={14} />
              {KIND_LABEL[kind]}
            </label>
          );
        })}
      </div>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {offer && stance && contradicting.length > 0 && (
        <div className="kind-offer" role="group" aria-label="Change its links too?" data-testid="kind-offer">
          <p>
            As a {KIND_LABEL[offer].toLowerCase()}, this node would still say it <strong>{stance === "rebuts" ? "supports" : "rebuts"}</strong>{" "}
            {contradicting.map((edge) => `“${excerpt(entryOf(doc.nodes, edge.to)?.text ?? "", 40)}”`).join(", ")}.
          </p>
          <div className="form-actions">
            <button ref={flip} type="button" className="button button--primary button--small" onClick={() => change(offer, true)} data-testid="kind-offer-flip">
              Make it a {KIND_LABEL[offer].toLowerCase()} that {stance} {contradicting.length === 1 ? "it" : "them"}
            </button>
            <button type="button" className="button button--small" onClick={() => change(offer, false)} data-testid="kind-offer-keep">
              Change the kind only
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setOffer(null)} data-testid="kind-offer-cancel">
              Cancel
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
