"use client";
/** The panel beside the canvas: details of what is selected, or of the map when nothing is. */
import "./panel.css";
import "./structure.css";
import { entryOf } from "@/lib/map/records";
import { TrashIcon } from "../icons";
import { EdgeDetails } from "./EdgeDetails";
import { MapDetails } from "./MapDetails";
import { NodeDetails } from "./NodeDetails";
import type { PanelProps } from "./panelTypes";
import { SelectionReasonActions } from "./ReasonSections";

export function SidePanel({
  selection,
  onDeleteSelection,
  ...props
}: PanelProps & { selection: { nodeIds: readonly string[]; edgeIds: readonly string[] }; onDeleteSelection(): void }) {
  const { doc } = props;
  const { nodeIds, edgeIds } = selection;
  const node = nodeIds.length === 1 && edgeIds.length === 0 ? entryOf(doc.nodes, nodeIds[0]!) : undefined;
  const edge = edgeIds.length === 1 && nodeIds.length === 0 ? entryOf(doc.edges, edgeIds[0]!) : undefined;
  const mode = node ? "node" : edge ? "edge" : nodeIds.length + edgeIds.length > 1 ? "multi" : "map";

  return (
    <aside className="side-panel" id="details-panel" tabIndex={-1} aria-label="Details" data-testid="side-panel" data-mode={mode}>
      {node && <NodeDetails key={node.id} {...props} node={node} onDelete={onDeleteSelection} />}
      {edge && <EdgeDetails key={edge.id} {...props} edge={edge} />}
      {mode === "map" && <MapDetails {...props} />}
      {mode === "multi" && (
        <div className="panel-body" data-testid="panel-multi">
          <h2 className="panel-title">Selection</h2>
          <p>
            {nodeIds.length > 0 && `${nodeIds.length} node${nodeIds.length === 1 ? "" : "s"}`}
            {nodeIds.length > 0 && edgeIds.length > 0 && " and "}
            {edgeIds.length > 0 && `${edgeIds.length} link${edgeIds.length === 1 ? "" : "s"}`} selected.
          </p>
          <SelectionReasonActions {...props} />
          {props.editable && (
            <button type="button" className="button button--danger button--small" onClick={onDeleteSelection} data-testid="panel-delete">
              <TrashIcon size={14} />
              Delete selection
            </button>
          )}
        </div>
      )}
    </aside>
  );
}
