/**
 * A doc as the ops that build it from an empty map: import, copy and the demo seed all go
 * through the same op path as editing, so they get the same validation and the same log.
 */
import { diffAddingAll } from "./diff";
import { opsForDiff } from "./diffOps";
import type { Op } from "./ops";
import type { MapDoc } from "./types";

/** addSource…, addNode…, addEdge… (in the order diffOps.ts gives), then updateMap. */
export function opsForDoc(doc: MapDoc): Op[] {
  const ops = opsForDiff(diffAddingAll(doc));
  // updateMap's schema wants a non-blank title; a blank one keeps the new map's own title.
  const title = doc.meta.title.trim();
  ops.push({ type: "updateMap", patch: { ...(title ? { title } : {}), description: doc.meta.description, presentation: doc.meta.presentation } });
  return ops;
}
