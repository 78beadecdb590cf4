/**
 * The model's records with their own fields and nothing else: ops, snapshots and imports may
 * carry extra properties (a client op id, a database row's mapId), and none of it belongs in a doc.
 */
import type { ArgEdge, ArgNode, Source } from "./types";

export function plainNode(node: ArgNode): ArgNode {
  const { id, kind, text, speaker, sourceId, quote, quotePrefix, quoteSuffix, x, y } = node;
  // Older clients, saved queues and files have no base score: the default.
  return { id, kind, text, speaker, sourceId, quote, quotePrefix, quoteSuffix, baseScore: node.baseScore ?? null, x, y };
}

export function plainEdge(edge: ArgEdge): ArgEdge {
  const { id, from, to, relation } = edge;
  return { id, from, to, relation };
}

export function plainSource(source: Source): Source {
  const { id, title, publisher, author, date, url, text } = source;
  return { id, title, publisher, author, date, url, text };
}
