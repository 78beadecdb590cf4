/**
 * Who last changed what, as this tab has seen it on the op stream: enough to name the person in
 * a notice ("Ben changed this since") and to know whose text an incoming edit replaces.
 */
import type { LoggedOp, Op } from "../map/ops";

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

export class Provenance {
  private readonly authors = new Map<string, string>();
  private readonly textWriters = new Map<string, string>();

  /** Call for each logged op, in revision order. */
  record(event: LoggedOp): void {
    for (const { kind, id } of recordsNamedBy(event.op)) this.authors.set(`${kind}:${id}`, event.author);
    const { op } = event;
    if (op.type === "addNode") this.textWriters.set(op.node.id, event.clientId);
    else if (op.type === "updateNode" && op.patch.text !== undefined) this.textWriters.set(op.id, event.clientId);
  }

  /** The name logged with the last op that named this record, if this tab saw one. */
  lastAuthor(kind: RecordKind, id: string): string | undefined {
    return this.authors.get(`${kind}:${id}`) || undefined;
  }

  /** The client whose op set the node's current text, if this tab saw it. */
  textWriter(nodeId: string): string | undefined {
    return this.textWriters.get(nodeId);
  }
}
