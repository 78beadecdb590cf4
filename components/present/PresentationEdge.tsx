"use client";
/**
 * A link on the presentation stage: solid "supports" or dashed "rebuts", always labelled, routed
 * and labelled by the same geometry as the canvas (never under a node, its label never on one).
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { useLinkRoute } from "../editor/LinkGeometry";
import { RELATION_ICON, RELATION_LABEL } from "../kinds";
import type { PresentationFlowEdge } from "./presentationElements";

function PresentationEdgeView({ id, data, markerEnd, sourceX, sourceY, targetX, targetY }: EdgeProps<PresentationFlowEdge>) {
  const route = useLinkRoute(data?.edge, { sourceX, sourceY, targetX, targetY });
  if (!data || !route) return null;
  const relation = data.edge.relation;
  const Icon = RELATION_ICON[relation];
  return (
    <>
      <BaseEdge id={id} path={route.path} markerEnd={markerEnd} className={`arg-edge arg-edge--${relation}`} />
      <EdgeLabelRenderer>
        <div className="arg-edge-label-anchor" style={{ left: route.anchor.x, top: route.anchor.y }}>
          <span className={`arg-edge-label arg-edge-label--${relation}`} style={{ width: route.label.width, height: route.label.height }}>
            <Icon size={12} />
            {RELATION_LABEL[relation]}
          </span>
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const PresentationEdge = memo(PresentationEdgeView);
