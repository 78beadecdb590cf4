"use client";
/**
 * A node's verdict on the canvas: a pill on its top edge saying the label in words, with its
 * symbol and strength. Hovering or focusing it shows why, in one line, and highlights the chain
 * of nodes that line names. It is a tab stop when its node is selected (Tab from the node), and
 * its words are also in the node's accessible name, so screen readers hear them either way.
 */
import { memo, useEffect, useId, useRef, useState } from "react";
import type { Why } from "@/lib/map/evaluation/why";
import { useStandActions } from "./StandContext";
import { LABEL_WORD, type Verdict } from "./verdict";
import { VerdictIcon } from "./VerdictIcon";

function VerdictBadgeView({ nodeId, verdict, selected }: { nodeId: string; verdict: Verdict; selected: boolean }) {
  const actions = useStandActions();
  const tooltipId = useId();
  const [why, setWhy] = useState<Why | null>(null);
  const open = why !== null;
  const badge = useRef<HTMLButtonElement>(null);

  // The line hangs below the node: lift the whole node above its neighbours while it is open.
  const lift = (on: boolean) => badge.current?.closest(".react-flow__node")?.classList.toggle("has-open-why", on);
  const show = () => {
    const explained = actions?.explain(nodeId) ?? null;
    setWhy(explained);
    lift(explained !== null);
    actions?.showChain(explained?.chain ?? null);
  };
  const hide = () => {
    setWhy(null);
    lift(false);
    actions?.showChain(null);
  };
  // The map changed under an open line (someone else's edit): say what holds now.
  useEffect(() => {
    if (open) show();
    // Only a new verdict calls for a new line; `show` reads the latest evaluation itself.
  }, [verdict]);

  return (
    <span className={`verdict verdict--${verdict.label}${verdict.assumed ? " verdict--assumed" : ""}`} data-testid="verdict" data-label={verdict.label}>
      <button
        ref={badge}
        type="button"
        className="verdict__badge nodrag nopan"
        tabIndex={selected ? 0 : -1}
        // Starts with the words on the pill (WCAG "label in name"); the node's own name says "strength".
        aria-label={`${badgeText(verdict)}. Why?`}
        aria-describedby={open ? tooltipId : undefined}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            event.stopPropagation();
            hide();
          }
        }}
        // A click would select or drag the node underneath: the line is already open on hover.
        onClick={(event) => event.stopPropagation()}
      >
        <VerdictIcon label={verdict.label} size={13} />
        <span>{LABEL_WORD[verdict.label]}</span>{" "}
        <span className="verdict__strength">
          {verdict.unsettled ? "≈" : ""}
          {verdict.percent}%
        </span>
        {verdict.assumed && (
          <>
            {" "}
            <span className="verdict__mine">your view</span>
          </>
        )}
      </button>
      {why && (
        <span role="tooltip" id={tooltipId} className="verdict__why" data-testid="verdict-why">
          {why.text}
        </span>
      )}
    </span>
  );
}

/** The pill's words as shown: "Defeated 54%", "Accepted ≈50% your view". */
function badgeText(verdict: Verdict): string {
  return `${LABEL_WORD[verdict.label]} ${verdict.unsettled ? "≈" : ""}${verdict.percent}%${verdict.assumed ? " your view" : ""}`;
}

export const VerdictBadge = memo(VerdictBadgeView);
