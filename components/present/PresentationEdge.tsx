"use client";
/**
 * A link on the presentation stage, always labelled: solid "supports", dashed "rebuts", a dotted
 * "undercuts" arrow ending on the link it objects to; a premise is a plain line into its argument.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { premisePath, undercutPath, useUndercutEnd } from "../editor/linkGeometry";
import { RELATION_ICON, RELATION_LABEL } from "../kinds";
import type { PresentationFlowEdge } from "./presentationElements";

function PresentationEdgeView({ id, data, markerEnd, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<PresentationFlowEdge>) {
  const undercutEnd = useUndercutEnd(data?.link, sourceX, sourceY);
  if (!data) return null;
  const relation = data.edge.relation;
  if (relation === "premise") return <BaseEdge id={id} path={premisePath(sourceX, sourceY, targetX, targetY)} className="arg-edge arg-edge--premise" />;
  if (relation === "undercuts" && !undercutEnd) return null;
  const [path, labelX, labelY] = undercutEnd ? undercutPath(sourceX, sourceY, undercutEnd) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
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
