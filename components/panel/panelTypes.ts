import type { ActionContext, DocumentAction, ValueAction } from "@/lib/actions/types";
import type { Op } from "@/lib/map/ops";
import type { MapDoc } from "@/lib/map/types";

/** The editor's actions registry as the panel uses it: its buttons and forms run actions. */
export interface PanelActions {
  /** The context an action would see now (for enabled checks and labels). */
  context(): ActionContext;
  /** Runs a document action with a value (or on the selection); returns why it could not, or null. */
  run<V>(action: DocumentAction<V>, value?: V): string | null;
}

/** What every panel section gets from the editor. */
export interface PanelProps {
  /** The link this page was opened with (for the map's read-only resources: history, contributions). */
  token: string;
  /** The map's revision: lists read from the server follow it. */
  revision: number;
  doc: MapDoc;
  editable: boolean;
  dispatch(ops: Op[]): boolean;
  actions: PanelActions;
  /** Select one node or link (e.g. to jump along a link). */
  select(selection: { nodeIds: string[]; edgeIds: string[] }): void;
  /** Runs a registry action that takes a value; says whether it changed the map. */
  perform<V>(action: ValueAction<V>, value: V): boolean;
  /** Opens a source in the reader, at a node's quote when given. */
  openSource(sourceId: string, nodeId?: string): void;
}
