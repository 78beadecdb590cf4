/**
 * Writes one already-validated op to the tables. applyOp (lib/map) has decided the op is valid
 * against `before`; this only mirrors its effect, so the tables always equal the replayed log.
 */
import type { Op } from "../map/ops";
import { hasEntry } from "../map/records";
import type { MapDoc } from "../map/types";
import type { Tx } from "./db";

export async function persistOp(tx: Tx, mapId: string, op: Op, before: MapDoc, after: MapDoc, seq: number): Promise<void> {
  switch (op.type) {
    case "addNode":
      await tx.node.create({ data: { mapId, seq, ...op.node } });
      return;
    case "updateNode":
      await tx.node.update({ where: { mapId_id: { mapId, id: op.id } }, data: op.patch });
      return;
    case "moveNodes":
      for (const move of op.moves) {
        if (!hasEntry(after.nodes, move.id)) continue; // deleted concurrently: applyOp ignored it too
        await tx.node.update({ where: { mapId_id: { mapId, id: move.id } }, data: { x: move.x, y: move.y } });
      }
      return;
    case "deleteNodes": {
      const ids = op.ids.filter((id) => hasEntry(before.nodes, id));
      await tx.edge.deleteMany({ where: { mapId, OR: [{ from: { in: ids } }, { to: { in: ids } }] } });
      await tx.node.deleteMany({ where: { mapId, id: { in: ids } } });
      return;
    }
    case "addEdge":
      await tx.edge.create({ data: { mapId, seq, ...op.edge } });
      return;
    case "updateEdge":
      await tx.edge.update({ where: { mapId_id: { mapId, id: op.id } }, data: op.patch });
      return;
    case "deleteEdge":
      await tx.edge.delete({ where: { mapId_id: { mapId, id: op.id } } });
      return;
    case "addSource":
      await tx.source.create({ data: { mapId, seq, ...op.source } });
      return;
    case "updateSource":
      await tx.source.update({ where: { mapId_id: { mapId, id: op.id } }, data: op.patch });
      return;
    case "deleteSource":
      await tx.node.updateMany({ where: { mapId, sourceId: op.id }, data: { sourceId: null } });
      await tx.source.delete({ where: { mapId_id: { mapId, id: op.id } } });
      return;
    case "updateMap":
      await tx.map.update({ where: { id: mapId }, data: op.patch });
      return;
  }
}
