/** Changing a node's kind, and (when the user says so) its links with it, as one undoable step. */
import { linksContradicting, stanceOf } from "../map/consistency";
import type { Op } from "../map/ops";
import { entryOf } from "../map/records";
import type { MapDoc, NodeKind } from "../map/types";

export function changeKindOps(doc: MapDoc, nodeId: string, kind: NodeKind, { flipLinks }: { flipLinks: boolean }): Op[] | false {
  const node = entryOf(doc.nodes, nodeId);
  if (!node || node.kind === kind) return false;
  const ops: Op[] = [{ type: "updateNode", id: nodeId, patch: { kind } }];
  const stance = stanceOf(kind);
  if (flipLinks && stance) {
    for (const edge of linksContradicting(doc, nodeId, kind)) ops.push({ type: "updateEdge", id: edge.id, patch: { relation: stance } });
  }
  return ops;
}
