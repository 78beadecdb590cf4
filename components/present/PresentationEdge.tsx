"use client";
/** A link on the presentation stage: solid "supports" or dashed "rebuts", always labelled. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { RELATION_ICON, RELATION_LABEL } from "../kinds";
import type { PresentationFlowEdge } from "./presentationElements";

function PresentationEdgeView({ id, data, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<PresentationFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const relation = data.edge.relation;
  const Icon = RELATION_ICON[relation];
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`arg-edge arg-edge--${relation}`} />
      <EdgeLabelRenderer>
        <div className="arg-edge-label-anchor" style={{ left: labelX, top: labelY }}>
          <span className={`arg-edge-label arg-edge-label--${relation}`}>
            <Icon size={12} />
            {RELATION_LABEL[relation]}
          </span>
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const PresentationEdge = memo(PresentationEdgeView);
