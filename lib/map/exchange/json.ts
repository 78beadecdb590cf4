/**
 * Argumap's own JSON format: a versioned, self-describing copy of a map's content (no revision,
 * no links, no server ids), and the import that checks such a file before anything trusts it.
 */
import { z } from "zod";
import { findIntegrityProblem } from "../integrity";
import { LIMITS } from "../limits";
import { edgeSchema, nodeSchema, presentationSchema, sourceSchema, type OpError } from "../ops";
import { plainEdge, plainNode, plainSource } from "../plain";
import type { ArgEdge, ArgNode, MapDoc, MapMeta, MapSnapshot, Source } from "../types";
import { dialogueFor, dialogueLayerSchema, isEmptyDialogue, type DialogueLayer } from "./dialogue";

export const JSON_FORMAT = "argumap";
export const JSON_VERSION = 1;

export interface ArgumapJson {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  map: MapMeta;
  nodes: ArgNode[];
  edges: ArgEdge[];
  sources: Source[];
  /** AIF's dialogue layer of a map imported from AIF (dialogue.ts), so a JSON round trip keeps it; absent otherwise. */
  dialogue?: DialogueLayer;
}

export type JsonImportResult = { ok: true; doc: MapDoc; dialogue?: DialogueLayer } | { ok: false; error: OpError };

/** A doc, or a snapshot as `GET /api/maps/:token` gives it. */
export type ExportableMap = MapDoc | Pick<MapSnapshot, "map" | "nodes" | "edges" | "sources">;

export function toJsonExport(map: ExportableMap, dialogue?: DialogueLayer | null): ArgumapJson {
  const isDoc = "meta" in map;
  const meta = isDoc ? map.meta : map.map;
  const json: ArgumapJson = {
    format: JSON_FORMAT,
    version: JSON_VERSION,
    map: { title: meta.title, description: meta.description, presentation: meta.presentation ?? null },
    nodes: (isDoc ? Object.values(map.nodes) : map.nodes).map(plainNode),
    edges: (isDoc ? Object.values(map.edges) : map.edges).map(plainEdge),
    sources: (isDoc ? Object.values(map.sources) : map.sources).map(plainSource),
  };
  if (dialogue && !isEmptyDialogue(dialogue)) json.dialogue = dialogue;
  return json;
}

const metaSchema = z.object({
  title: z.string().max(LIMITS.titleLength).optional(),
  description: z.string().max(LIMITS.descriptionLength).default(""),
  presentation: presentationSchema.nullable().default(null),
});
const contentSchema = z.object({
  map: metaSchema.optional(),
  nodes: z.array(nodeSchema).default([]),
  edges: z.array(edgeSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  dialogue: dialogueLayerSchema.optional(),
});
const ITEM_LISTS = [
  ["nodes", "node", LIMITS.nodesPerMap],
  ["edges", "link", LIMITS.edgesPerMap],
  ["sources", "source", LIMITS.sourcesPerMap],
] as const;

/**
 * Reads an Argumap JSON export (or a snapshot, or either as a JSON string) into a doc, or says
 * what is wrong with it, naming the item. Never throws.
 */
export function parseJsonImport(input: unknown): JsonImportResult {
  if (typeof input === "string") {
    try {
      input = JSON.parse(input) as unknown;
    } catch {
      return failure("invalid_op", "this is not valid JSON");
    }
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return failure("invalid_op", "expected an Argumap JSON export: an object with map, nodes, edges and sources");
  }
  const raw = input as Record<string, unknown>;
  const formatProblem = checkFormat(raw);
  if (formatProblem) return { ok: false, error: formatProblem };
  // Counted before zod parses every item, so an oversized file fails fast with a clear message.
  for (const [list, what, limit] of ITEM_LISTS) {
    const items = raw[list];
    if (Array.isArray(items) && items.length > limit) {
      return failure("too_large", `a map holds at most ${limit} ${what}s, this file has ${items.length}`);
    }
  }
  const parsed = contentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error, raw) };
  const { map, nodes, edges, sources, dialogue } = parsed.data;
  const duplicate = duplicateId(nodes, "node") ?? duplicateId(edges, "link") ?? duplicateId(sources, "source");
  if (duplicate) return { ok: false, error: duplicate };
  const doc: MapDoc = {
    meta: { title: map?.title?.trim() || "Untitled map", description: map?.description ?? "", presentation: map?.presentation ?? null },
    nodes: Object.fromEntries(nodes.map((node) => [node.id, node])),
    edges: Object.fromEntries(edges.map((edge) => [edge.id, edge])),
    sources: Object.fromEntries(sources.map((source) => [source.id, source])),
  };
  const problem = findIntegrityProblem(doc);
  if (problem) return { ok: false, error: problem };
  // Anchored to ids this file has: what no node or link of it anchors is not kept.
  const kept = dialogue ? dialogueFor(dialogue as DialogueLayer, doc) : undefined;
  return isEmptyDialogue(kept) ? { ok: true, doc } : { ok: true, doc, dialogue: kept };
}

/** An export says what it is; a snapshot (no `format`) is read as the same content. */
function checkFormat(raw: Record<string, unknown>): OpError | null {
  if (!("format" in raw)) return null;
  if (raw.format !== JSON_FORMAT) {
    return { code: "invalid_op", message: `format is ${JSON.stringify(raw.format)}, expected "${JSON_FORMAT}"` };
  }
  if (raw.version !== JSON_VERSION) {
    return {
      code: "invalid_op",
      message: `this file is version ${JSON.stringify(raw.version)} of the Argumap format; version ${JSON_VERSION} can be read`,
    };
  }
  return null;
}

function duplicateId(items: readonly { id: string }[], what: string): OpError | null {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) return { code: "conflict", message: `two ${what}s have the id "${id}"` };
    seen.add(id);
  }
  return null;
}

/** The first zod issue, phrased around the item it is about: `node 3 ("n1"): text: …`. */
function describeIssue(error: z.ZodError, raw: Record<string, unknown>): OpError {
  const issue = error.issues[0];
  const code = error.issues.some((i) => i.code === "too_big") ? "too_large" : "invalid_op";
  if (!issue) return { code, message: "invalid map" };
  const [list, index, ...field] = issue.path;
  const named = ITEM_LISTS.find(([name]) => name === list);
  if (named && typeof index === "number") {
    const item: unknown = (raw[named[0]] as unknown[])[index];
    const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
    const label = `${named[1]} ${index + 1}${typeof id === "string" ? ` (${JSON.stringify(id)})` : ""}`;
    return { code, message: `${label}: ${field.length > 0 ? `${field.map(String).join(".")}: ` : ""}${issue.message}` };
  }
  const where = issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
  return { code, message: `${where}${issue.message}` };
}

function failure(code: OpError["code"], message: string): JsonImportResult {
  return { ok: false, error: { code, message } };
}
