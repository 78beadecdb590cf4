import type { ValueAction } from "@/lib/actions/types";
import type { Op } from "@/lib/map/ops";
import type { MapDoc } from "@/lib/map/types";

/** What every panel section gets from the editor. */
export interface PanelProps {
  doc: MapDoc;
  editable: boolean;
  dispatch(ops: Op[]): boolean;
  /** Select one node or link (e.g. to jump along a link). */
  select(selection: { nodeIds: string[]; edgeIds: string[] }): void;
  /** Runs a registry action that takes a value; says whether it changed the map. */
  perform<V>(action: ValueAction<V>, value: V): boolean;
  /** Opens a source in the reader, at a node's quote when given. */
  openSource(sourceId: string, nodeId?: string): void;
}
