/** What the sync client tells its user, and the words it keeps for them when they are not on the map. */
import { edgesOf } from "../map/graph";
import type { Op } from "../map/ops";
import { entryOf } from "../map/records";
import type { ArgEdge, ArgNode, MapDoc } from "../map/types";

/** Text someone typed that the map no longer shows, with where it belonged, offered back. */
export interface KeptText {
  nodeId: string;
  text: string;
  /** The node as it last was, to bring it back if it has been deleted. */
  node?: ArgNode;
  /** Its links then, restored with it. */
  links?: ArgEdge[];
}

export interface SyncNotice {
  id: number;
  message: string;
  kept?: KeptText;
}

/** Plain notices go after a few; ones that keep someone's words stay until dismissed. */
const MAX_PLAIN = 5;
const MAX_KEPT = 50;

export function addNotice(notices: readonly SyncNotice[], notice: SyncNotice): SyncNotice[] {
  const all = [...notices, notice];
  const plain = all.filter((n) => !n.kept);
  const kept = all.filter((n) => n.kept);
  const keep = new Set([...plain.slice(-MAX_PLAIN), ...kept.slice(-MAX_KEPT)]);
  return all.filter((n) => keep.has(n));
}

/** The words in an op that will never reach the map (it was refused or dropped), with the node as `seenIn` showed it. */
export function keptTextOf(op: Op, seenIn: MapDoc): KeptText | null {
  const nodeId = op.type === "updateNode" && op.patch.text !== undefined ? op.id : op.type === "addNode" ? op.node.id : null;
  const text = op.type === "updateNode" ? (op.patch.text ?? "") : op.type === "addNode" ? op.node.text : "";
  if (nodeId === null || !text.trim()) return null;
  const node = entryOf(seenIn.nodes, nodeId) ?? (op.type === "addNode" ? op.node : undefined);
  return { nodeId, text, ...(node ? { node, links: edgesOf(seenIn, nodeId) } : {}) };
}
