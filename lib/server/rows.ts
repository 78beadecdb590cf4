/** Data-layer rows become domain records here, at the edge of lib/server. */
import type { ArgEdge, ArgNode, NodeKind, Relation, Source } from "../map/types";

export function nodeFromRow(row: { id: string; kind: string; text: string; speaker: string; sourceId: string | null; quote: string; baseScore: number | null; x: number; y: number }): ArgNode {
  return { id: row.id, kind: row.kind as NodeKind, text: row.text, speaker: row.speaker, sourceId: row.sourceId, quote: row.quote, baseScore: row.baseScore, x: row.x, y: row.y };
}

export function edgeFromRow(row: { id: string; from: string; to: string; relation: string }): ArgEdge {
  return { id: row.id, from: row.from, to: row.to, relation: row.relation as Relation };
}

export function sourceFromRow(row: Source & { mapId?: string; seq?: number }): Source {
  return { id: row.id, title: row.title, publisher: row.publisher, author: row.author, date: row.date, url: row.url, text: row.text };
}
