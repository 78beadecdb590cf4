/** Undoing (or redoing) one whole step through the guard, and saying in words what was left alone. */
import { applyOp } from "../map/apply";
import type { Op } from "../map/ops";
import type { MapDoc } from "../map/types";
import type { HistoryStep } from "./history";
import type { RecordKind } from "../map/named";
import { guardUndo, skippedNode, type Skipped } from "./undo-guard";

/** The ops that take back the step, last op first, each checked against the map as the ones before it leave it. */
export function guardStep(doc: MapDoc, step: HistoryStep): { ops: Op[]; skipped: Skipped[] } {
  const ops: Op[] = [];
  const skipped: Skipped[] = [];
  let current = doc;
  for (const entry of [...step].reverse()) {
    const guarded = guardUndo(current, entry.op, entry.inverse);
    skipped.push(...guarded.skipped);
    for (const op of guarded.ops) {
      const result = applyOp(current, op);
      if (!result.ok) continue;
      current = result.doc;
      ops.push(op);
    }
  }
  return { ops, skipped };
}

const WHAT: Record<Skipped["record"], string> = { node: "this node", link: "this link", source: "this source", map: "the map's details" };

/** "Not undone: Ben changed “Cloud costs” after you." */
export function describeSkips(skipped: readonly Skipped[], doc: MapDoc, lastAuthor: (kind: RecordKind, id: string) => string | undefined): string {
  const unique = [...new Map(skipped.map((skip) => [`${skip.record}:${skip.id}`, skip])).values()];
  if (unique.length > 1) return `${unique.length} things were not undone: others changed them after you.`;
  const skip = unique[0]!;
  const who = lastAuthor(skip.record, skip.id)?.trim() || "Someone else";
  const node = skippedNode(doc, skip);
  const what = node ? `“${excerpt(node.text)}”` : WHAT[skip.record];
  return `Not undone: ${who} changed ${what} after you.`;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return "an empty node";
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
