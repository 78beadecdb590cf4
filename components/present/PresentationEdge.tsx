"use client";
/**
 * A link on the presentation stage, always labelled, routed and labelled by the same geometry as
 * the canvas (never under a node, its label never on one): solid "supports", dashed "rebuts", a
 * dotted "undercuts" arrow ending on the label of the link it objects to; a premise is a plain
 * line into its argument.
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { isReasonRelation } from "@/lib/map/types";
import { useLinkRoute } from "../editor/LinkGeometry";
import { premisePath, undercutPath, useUndercutEnd } from "../editor/linkGeometry";
import { RELATION_ICON, RELATION_LABEL } from "../kinds";
import type { PresentationFlowEdge } from "./presentationElements";

function PresentationEdgeView({ id, data, markerEnd, sourceX, sourceY, targetX, targetY }: EdgeProps<PresentationFlowEdge>) {
  const route = useLinkRoute(data && isReasonRelation(data.edge.relation) ? data.edge : undefined, { sourceX, sourceY, targetX, targetY });
  const undercutEnd = useUndercutEnd(data?.link, sourceX, sourceY);
  if (!data) return null;
  const relation = data.edge.relation;
  if (relation === "premise") return <BaseEdge id={id} path={premisePath(sourceX, sourceY, targetX, targetY)} className="arg-edge arg-edge--premise" />;
  const drawn = undercutEnd ? undercutPath(sourceX, sourceY, undercutEnd) : route ? ([route.path, route.anchor.x, route.anchor.y] as const) : null;
  if (!drawn) return null;
  const [path, labelX, labelY] = drawn;
  const Icon = RELATION_ICON[relation];
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`arg-edge arg-edge--${relation}`} />
      <EdgeLabelRenderer>
        <div className="arg-edge-label-anchor" style={{ left: labelX, top: labelY }}>
          <span className={`arg-edge-label arg-edge-label--${relation}`} style={route ? { width: route.label.width, height: route.label.height } : undefined}>
            <Icon size={12} />
            {RELATION_LABEL[relation]}
          </span>
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const PresentationEdge = memo(PresentationEdgeView);
