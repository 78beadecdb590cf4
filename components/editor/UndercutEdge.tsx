"use client";
/** An undercut: a dotted arrow from the objecting node to the middle of the link it objects to, labelled "undercuts". */
import { BaseEdge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { RELATION_ICON } from "../kinds";
import { EdgeLabel } from "./EdgeLabelLayer";
import type { ArgumentFlowEdge } from "./flowElements";
import { undercutPath, useUndercutEnd } from "./linkGeometry";

function UndercutEdgeView({ id, data, selected, markerEnd, sourceX, sourceY }: EdgeProps<ArgumentFlowEdge>) {
  const end = useUndercutEnd(data?.link, sourceX, sourceY);
  if (!data || !end) return null;
  const [path, labelX, labelY] = undercutPath(sourceX, sourceY, end);
  const Icon = RELATION_ICON.undercuts;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`arg-edge arg-edge--undercuts${selected ? " is-selected" : ""}`} interactionWidth={16} />
      <EdgeLabel>
        <div className="arg-edge-label-anchor" style={{ left: labelX, top: labelY }}>
          <span className={`arg-edge-label arg-edge-label--undercuts${selected ? " is-selected" : ""} nodrag nopan`} data-testid="edge-label" data-relation="undercuts" data-id={id}>
            <Icon size={12} />
            undercuts
          </span>
        </div>
      </EdgeLabel>
    </>
  );
}

export const UndercutEdge = memo(UndercutEdgeView);
