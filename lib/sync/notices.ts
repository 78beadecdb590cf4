/** What the sync client tells its user, and the words it keeps for them when they are not on the map. */
import type { ArgEdge, ArgNode } from "../map/types";

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
