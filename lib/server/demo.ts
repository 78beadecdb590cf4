/** Seeds the demo debate once. Safe to call on every start, from several processes at once. */
import { DEMO_MAP } from "../../prisma/demo-map";
import { anchoredNode } from "../map/quotes/anchorNode";
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
  // The demo's data names each quote's words only; their context comes from the source's text.
  const nodes = DEMO_MAP.nodes.map((node) => ({ ...anchoredNode(node, DEMO_MAP.sources), ...(positions[node.id] ?? {}) }));
  return docFromSnapshot({ map: { id: DEMO_MAP_ID, title: DEMO_MAP.title, description: DEMO_MAP.description }, nodes, edges: DEMO_MAP.edges, sources: DEMO_MAP.sources });
}

/** Returns true when this call created the demo map. */
export async function ensureDemoMap(): Promise<boolean> {
  const client = await db();
  if (await client.map.findUnique({ where: { id: DEMO_MAP_ID }, select: { id: true } })) return false;
  try {
    await client.$transaction((tx) => writeNewMap(tx, DEMO_MAP_ID, demoDoc()));
    return true;
  } catch (error) {
    // Another process seeded it first: the primary key says so.
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}
