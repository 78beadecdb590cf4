"use client";
/**
 * A link: green solid "supports" or red dashed "rebuts", arrow toward the node it is about, and a
 * labelled control. Its path and label place come from the shared link geometry, which keeps
 * both off every node.
 */
import { BaseEdge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { contradictsKind } from "@/lib/map/consistency";
import { KIND_LABEL, RELATION_ICON, RELATION_LABEL } from "../kinds";
import { useEditorCommands } from "./EditorCommands";
import { EdgeLabel } from "./EdgeLabelLayer";
import type { ArgumentFlowEdge } from "./flowElements";
import { useLinkRoute } from "./LinkGeometry";

function ArgumentEdgeView(props: EdgeProps<ArgumentFlowEdge>) {
  const { id, data, selected, markerEnd, sourceX, sourceY, targetX, targetY } = props;
  const { toggleRelation } = useEditorCommands();
  const route = useLinkRoute(data?.edge, { sourceX, sourceY, targetX, targetY });
  if (!data || !route) return null;
  const { label } = route;
  const relation = data.edge.relation;
  const Icon = RELATION_ICON[relation];
  const other = relation === "supports" ? "rebuts" : "supports";
  // A rebuttal that supports (or a support that rebuts): said on the label, in words as well.
  const mismatch = contradictsKind(data.edge, data.fromNode) ? `A ${KIND_LABEL[data.fromNode!.kind].toLowerCase()} that ${relation}: its kind and this link disagree` : null;
  const labelClass = `arg-edge-label arg-edge-label--${relation}${selected ? " is-selected" : ""}${mismatch ? " is-mismatch" : ""} nodrag nopan`;
  // The label's size is fixed by the link geometry: a mismatch takes the place of the icon.
  const content = (
    <>
      {mismatch ? (
        <span className="arg-edge-label__warning" aria-hidden="true">
          !
        </span>
      ) : (
        <Icon size={12} />
      )}
      {RELATION_LABEL[relation]}
    </>
  );
  return (
    <>
      <BaseEdge
        id={id}
        path={route.path}
        markerEnd={markerEnd}
        className={`arg-edge arg-edge--${relation}${selected ? " is-selected" : ""}`}
        interactionWidth={16}
      />
      <EdgeLabel>
        {/* Placed with left/top and centred by flexbox, not by a CSS transform: each transform is
            a paint chunk of its own, and thousands of them made every frame of a drag slow. */}
        <div className="arg-edge-label-anchor" style={{ left: route.anchor.x, top: route.anchor.y }}>
          {data.editable ? (
            <button
              type="button"
              className={labelClass}
              data-testid="edge-label"
              data-relation={relation}
              data-id={id}
              data-mismatch={mismatch ? "true" : undefined}
              data-from={data.edge.from}
              data-to={data.edge.to}
              style={{ width: label.width, height: label.height }}
              tabIndex={-1}
              title={`${mismatch ? `${mismatch}. ` : ""}Change to “${other}”`}
              aria-label={`Link ${RELATION_LABEL[relation]}.${mismatch ? ` ${mismatch}.` : ""} Change to ${other}`}
              onClick={(event) => {
                event.stopPropagation();
                toggleRelation(id);
              }}
            >
              {content}
            </button>
          ) : (
            <span
              className={labelClass}
              data-testid="edge-label"
              data-relation={relation}
              data-id={id}
              data-mismatch={mismatch ? "true" : undefined}
              title={mismatch ?? undefined}
              data-from={data.edge.from}
              data-to={data.edge.to}
              style={{ width: label.width, height: label.height }}
            >
              {content}
            </span>
          )}
        </div>
      </EdgeLabel>
    </>
  );
}

export const ArgumentEdge = memo(ArgumentEdgeView);
