/**
 * Rebasing: the local view is the confirmed server state with our pending ops re-applied on top.
 * A pending op that no longer applies (its node was deleted by someone else) is dropped.
 */
import { applyOp } from "../map/apply";
import type { OpError } from "../map/ops";
import type { MapDoc } from "../map/types";
import type { PendingOp } from "./protocol";

export interface Rebased {
  doc: MapDoc;
  kept: PendingOp[];
  dropped: { op: PendingOp; error: OpError }[];
}

export function rebase(confirmed: MapDoc, pending: readonly PendingOp[]): Rebased {
  let doc = confirmed;
  const kept: PendingOp[] = [];
  const dropped: Rebased["dropped"] = [];
  for (const entry of pending) {
    const result = applyOp(doc, entry.op);
    if (result.ok) {
      doc = result.doc;
      kept.push(entry);
    } else {
      dropped.push({ op: entry, error: result.error });
    }
  }
  return { doc, kept, dropped };
}
