/**
 * Who last changed what, as this tab has seen it on the op stream: enough to name the person in
 * a notice ("Ben changed this since") and to know whose text an incoming edit replaces.
 */
import { recordsNamedBy, type RecordKind } from "../map/named";
import type { LoggedOp } from "../map/ops";

export type { RecordKind };

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
