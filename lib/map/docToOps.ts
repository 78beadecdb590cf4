/**
 * A doc as the ops that build it from an empty map: import, copy and the demo seed all go
 * through the same op path as editing, so they get the same validation and the same log.
 */
import type { Op } from "./ops";
import type { MapDoc } from "./types";

/** addSource…, addNode…, addEdge…, then updateMap: each op finds what it refers to already there. */
export function opsForDoc(doc: MapDoc): Op[] {
  const ops: Op[] = [];
  for (const source of Object.values(doc.sources)) ops.push({ type: "addSource", source });
  for (const node of Object.values(doc.nodes)) ops.push({ type: "addNode", node });
  for (const edge of Object.values(doc.edges)) ops.push({ type: "addEdge", edge });
  // updateMap's schema wants a non-blank title; a blank one keeps the new map's own title.
  const title = doc.meta.title.trim();
  ops.push({ type: "updateMap", patch: { ...(title ? { title } : {}), description: doc.meta.description, presentation: doc.meta.presentation } });
  return ops;
}
