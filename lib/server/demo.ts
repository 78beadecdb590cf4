/** Seeds the demo debate once. Safe to call on every start, from several processes at once. */
import { DEMO_MAP } from "../../prisma/demo-map";
import { estimateNodeSize, tidyLayout } from "../map/layout";
import { docFromSnapshot } from "../map/types";
import { db } from "./db";
import { DEMO_MAP_ID } from "./links";
import { writeNewMap } from "./maps";

/** The demo as first shown: laid out by the same Tidy layout users get, so no cards overlap. */
export function demoDoc() {
  const positions = tidyLayout({
    nodes: DEMO_MAP.nodes.map((node) => ({ id: node.id, ...estimateNodeSize(node) })),
    edges: DEMO_MAP.edges,
  });
  const nodes = DEMO_MAP.nodes.map((node) => ({ ...node, ...(positions[node.id] ?? {}) }));
  return docFromSnapshot({ map: { id: DEMO_MAP_ID, title: DEMO_MAP.title, description: DEMO_MAP.description }, nodes, edges: DEMO_MAP.edges, sources: DEMO_MAP.sources });
}

/** Returns true when this call created the demo map. */
export async function ensureDemoMap(): Promise<boolean> {
  const client = await db();
  if (await client.map.findUnique({ where: { id: DEMO_MAP_ID }, select: { id: true } })) return false;
  try {
    // Several instances may start at once on a new PostgreSQL database: the others wait on the
    // demo's primary key until the first commits, which may take a while on a busy machine.
    await client.$transaction((tx) => writeNewMap(tx, DEMO_MAP_ID, demoDoc()), { maxWait: 30_000, timeout: 60_000 });
    return true;
  } catch (error) {
    // Another process seeded it first: the primary key says so (or this one gave up waiting).
    if (await client.map.findUnique({ where: { id: DEMO_MAP_ID }, select: { id: true } })) return false;
    throw error;
  }
}
