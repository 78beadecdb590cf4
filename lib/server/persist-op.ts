/**
 * Writes applied ops to the tables. applyEach (lib/map) has decided each op is valid and given it
 * as it took effect (moves and deletes name only nodes that existed), so this only mirrors it and
 * the tables always equal the replayed log.
 */
import type { Op } from "../map/ops";
import type { ArgEdge, ArgNode, MapDoc } from "../map/types";
import type { Tx } from "./db";

export async function persistOp(tx: Tx, mapId: string, op: Op, seq: number): Promise<void> {
  switch (op.type) {
    case "addNode":
      await tx.node.create({ data: { mapId, seq, ...op.node } });
      return;
    case "updateNode":
      await tx.node.update({ where: { mapId_id: { mapId, id: op.id } }, data: op.patch });
      return;
    case "moveNodes":
      for (const move of op.moves) await tx.node.update({ where: { mapId_id: { mapId, id: move.id } }, data: { x: move.x, y: move.y } });
      return;
    case "deleteNodes":
      await tx.edge.deleteMany({ where: { mapId, OR: [{ from: { in: op.ids } }, { to: { in: op.ids } }] } });
      await tx.node.deleteMany({ where: { mapId, id: { in: op.ids } } });
      return;
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
      await tx.map.update({ where: { id: mapId }, data: { ...op.patch, presentation: presentationColumn(op.patch.presentation) } });
      return;
  }
}

/**
 * Writes a group's ops in order, but runs of added nodes and links as one statement each: the
 * cost per statement, not the disk, is what bounds throughput. Any other op writes the run first.
 */
export async function persistOps(tx: Tx, mapId: string, entries: readonly { op: Op; revision: number }[]): Promise<void> {
  let nodes: (ArgNode & { mapId: string; seq: number })[] = [];
  let edges: (ArgEdge & { mapId: string; seq: number })[] = [];
  const flush = async () => {
    if (nodes.length > 0) await tx.node.createMany({ data: nodes });
    if (edges.length > 0) await tx.edge.createMany({ data: edges });
    nodes = [];
    edges = [];
  };
  for (const { op, revision } of entries) {
    if (op.type === "addNode") nodes.push({ mapId, seq: revision, ...op.node });
    else if (op.type === "addEdge") edges.push({ mapId, seq: revision, ...op.edge });
    else {
      await flush();
      await persistOp(tx, mapId, op, revision);
    }
  }
  await flush();
}

/** The presentation column holds JSON; `undefined` leaves it as it is. */
export function presentationColumn(presentation: MapDoc["meta"]["presentation"] | undefined): string | null | undefined {
  return presentation === undefined ? undefined : presentation === null ? null : JSON.stringify(presentation);
}
