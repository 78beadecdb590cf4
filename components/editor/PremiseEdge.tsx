"use client";
/**
 * A premise joining its argument: a plain line (no arrowhead, no label) up from the statement and
 * into the middle of the argument's bottom edge, where every premise of that argument meets, so
 * the premises read as one reason. Screen readers get the link's name ("Premise: …").
 */
import { BaseEdge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { ArgumentFlowEdge } from "./flowElements";
import { premisePath } from "./linkGeometry";

function PremiseEdgeView({ id, selected, sourceX, sourceY, targetX, targetY }: EdgeProps<ArgumentFlowEdge>) {
  return (
    <BaseEdge
      id={id}
      path={premisePath(sourceX, sourceY, targetX, targetY)}
      className={`arg-edge arg-edge--premise${selected ? " is-selected" : ""}`}
      interactionWidth={16}
    />
  );
}

export const PremiseEdge = memo(PremiseEdgeView);
