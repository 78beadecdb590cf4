/**
 * Seeds the demo debate, and replaces it when a release changes its content (the demo is read-only:
 * nobody's work lives in it). Safe to call on every start, from several processes at once.
 */
import { DEMO_MAP } from "../../prisma/demo-map";
import { anchoredNode } from "../map/quotes/anchorNode";
import { estimateNodeSize, tidyLayout } from "../map/layout";
import { plainEdge, plainNode, plainSource } from "../map/plain";
import { docFromSnapshot, type MapDoc } from "../map/types";
import { db } from "./db";
import { forget, loadDoc } from "./doc-store";
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

/**
 * What a release may change in the demo: titles, words, kinds, links and sources, not where the
 * cards sit (positions come from the layout and are not worth a rewrite).
 */
export function demoContent(doc: MapDoc): string {
  const byId = <T extends { id: string }>(records: Record<string, T>) => Object.values(records).sort((a, b) => (a.id < b.id ? -1 : 1));
  // Each record in its model's own field order: the stored rows and the seed data list them differently.
  const nodes = byId(doc.nodes).map((node) => {
    const { x: _x, y: _y, ...content } = plainNode(node);
    return content;
  });
  return JSON.stringify({ title: doc.meta.title, description: doc.meta.description, nodes, edges: byId(doc.edges).map(plainEdge), sources: byId(doc.sources).map(plainSource) });
}

/**
 * Returns "created" when this call seeded the demo, "refreshed" when it replaced an older demo
 * (say, one that carried whole articles), and false when the stored demo is current.
 */
export async function ensureDemoMap(): Promise<"created" | "refreshed" | false> {
  const client = await db();
  const wanted = demoDoc();
  const stored = await client.$transaction((tx) => loadDoc(tx, DEMO_MAP_ID));
  if (stored && demoContent(stored.doc) === demoContent(wanted)) return false;
  try {
    // Several instances may start at once on a new PostgreSQL database: the others wait on the
    // demo's primary key until the first commits, which may take a while on a busy machine.
    await client.$transaction(
      async (tx) => {
        // Cascades to the old demo's rows and op log; the demo has no links of its own to keep.
        if (stored) await tx.map.deleteMany({ where: { id: DEMO_MAP_ID } });
        await writeNewMap(tx, DEMO_MAP_ID, wanted);
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
    forget(DEMO_MAP_ID);
    return stored ? "refreshed" : "created";
  } catch (error) {
    // Another process seeded or refreshed it first: the primary key says so, or (when this one
    // gave up waiting) the stored demo is already the current one.
    if ((error as { code?: string }).code === "P2002") return false;
    const now = await client.$transaction((tx) => loadDoc(tx, DEMO_MAP_ID));
    if (now && demoContent(now.doc) === demoContent(wanted)) return false;
    throw error;
  }
}
