/** The records an op names by id: who changed what, for provenance and the history index. */
import type { Op } from "./ops";

export type RecordKind = "node" | "link" | "source" | "map";

/** The records an op names (not the links a node deletion takes with it). */
export function recordsNamedBy(op: Op): { kind: RecordKind; id: string }[] {
  switch (op.type) {
    case "addNode":
      return [{ kind: "node", id: op.node.id }];
    case "updateNode":
      return [{ kind: "node", id: op.id }];
    case "moveNodes":
      return op.moves.map((move) => ({ kind: "node", id: move.id }));
    case "deleteNodes":
      return op.ids.map((id) => ({ kind: "node", id }));
    case "addEdge":
      return [{ kind: "link", id: op.edge.id }];
    case "updateEdge":
    case "deleteEdge":
      return [{ kind: "link", id: op.id }];
    case "addSource":
      return [{ kind: "source", id: op.source.id }];
    case "updateSource":
    case "deleteSource":
      return [{ kind: "source", id: op.id }];
    case "updateMap":
      return [{ kind: "map", id: "map" }];
  }
}
