"use client";
/**
 * The side panel's "Which claims stand" for the selected node: its label and strength, why, the
 * chain of nodes that rests on (each a button that selects it), the reader's own what-if, and the
 * base score (editable where the map is).
 */
import { useId } from "react";
import type { Assumption } from "@/lib/map/evaluation/input";
import { nameOf } from "@/lib/map/evaluation/why";
import { entryOf } from "@/lib/map/records";
import type { ArgNode } from "@/lib/map/types";
import { BaseScoreField } from "./BaseScoreField";
import { useStandActions, useStandState } from "./StandContext";
import { verdictIn } from "./verdict";
import { VerdictTag } from "./VerdictTag";

const WHAT_IF: { assumption: Assumption; label: string }[] = [
  { assumption: "accept", label: "Accept as given" },
  { assumption: "reject", label: "Reject" },
];

export interface StandSectionProps {
  node: ArgNode;
  select(selection: { nodeIds: string[]; edgeIds: string[] }): void;
  /** Sets the node's base score (through the registry's setBaseScore); absent where the reader cannot edit. */
  setBaseScore?(value: number | null): boolean;
}

export function StandSection({ node, select, setBaseScore }: StandSectionProps) {
  const { overlay, live, assumptions } = useStandState();
  const actions = useStandActions();
  const titleId = useId();
  const assumed = assumptions.get(node.id) ?? null;
  const verdict = live ? verdictIn(live, node.id) : undefined;
  const why = live ? actions?.explain(node.id) : undefined;
  const chain = why ? why.chain.slice(1).flatMap((id) => entryOf(live!.doc.nodes, id) ?? []) : [];

  return (
    <section className="stand-section" aria-labelledby={titleId} data-testid="stand-section">
      <h3 id={titleId} className="stand-section__title">
        Which claims stand
      </h3>
      {!overlay || !verdict || !why ? (
        <button type="button" className="button button--small" onClick={() => actions?.setOverlay(true)} data-testid="stand-show">
          Show labels and strengths
        </button>
      ) : (
        <>
          <p className="stand-section__verdict">
            <VerdictTag verdict={verdict} />
          </p>
          <p className="stand-section__why" data-testid="panel-why">
            {why.text}
          </p>
          {chain.length > 0 && (
            <ol className="stand-section__chain" aria-label="The nodes this rests on" onMouseLeave={() => actions?.showChain(null)}>
              {chain.map((other) => (
                <li key={other.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => select({ nodeIds: [other.id], edgeIds: [] })}
                    onFocus={() => actions?.showChain(why.chain)}
                    onBlur={() => actions?.showChain(null)}
                    onMouseEnter={() => actions?.showChain(why.chain)}
                  >
                    {nameOf(other)}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <fieldset className="stand-section__what-if">
            <legend>What if… (your view only)</legend>
            <div className="stand-section__buttons">
              {WHAT_IF.map(({ assumption, label }) => (
                <button
                  key={assumption}
                  type="button"
                  className="button button--small"
                  aria-pressed={assumed === assumption}
                  data-testid={`what-if-${assumption}`}
                  onClick={() => actions?.assume(node.id, assumed === assumption ? null : assumption)}
                >
                  {label}
                </button>
              ))}
            </div>
          </fieldset>
        </>
      )}
      {setBaseScore ? (
        <BaseScoreField key={node.id} value={node.baseScore} onCommit={setBaseScore} />
      ) : (
        node.baseScore !== null && <p className="stand-section__base">Base score: {Math.round(node.baseScore * 100)}%</p>
      )}
    </section>
  );
}
