/**
 * AIF, the Argument Interchange Format, in the JSON that AIFdb and OVA read and write:
 *
 *   {nodes: [{nodeID, text, type}], edges: [{edgeID, fromID, toID}], locutions, participants}
 *
 * A statement is an I-node. A link is a scheme node between two I-nodes, I → RA → I for
 * "supports" (rule application) and I → CA → I for "rebuts" (conflict application). Who holds a
 * view lives in AIF's dialogue layer: a locution (L-node, "Speaker : text") asserts the I-node
 * through a YA-node, L → YA → I, and names the speaker as a participant.
 * What AIF has no place for (node kinds, positions, the map's title) travels in an `argumap`
 * member that other tools ignore; a file without it gets inferred kinds and a tidy layout.
 */
import { z } from "zod";
import { LIMITS } from "../limits";
import { entryOf } from "../records";
import type { OpError } from "../ops";
import { NODE_KINDS, type MapDoc, type NodeKind, type Relation } from "../types";
import { buildImportedDoc, type ImportedLink, type ImportedStatement, type ImportResult } from "./importedDoc";

export interface AifNode {
  nodeID: string;
  text: string;
  type: string;
}
export interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
  formEdgeID: null;
}
export interface AifLocution {
  nodeID: string;
  personID: number;
}
export interface AifParticipant {
  participantID: number;
  firstname: string;
  surname: string;
}
export interface AifExport {
  nodes: AifNode[];
  edges: AifEdge[];
  locutions: AifLocution[];
  participants: AifParticipant[];
  argumap: { version: 1; title: string; description: string; nodes: Record<string, { kind: NodeKind; x: number; y: number }> };
}

// The names AIFdb and OVA give a scheme node that applies no particular argumentation scheme.
// A premise is written as an inference into its argument, an undercut as a conflict aimed at the
// scheme node of the link it undercuts (AIF's CA → RA).
const SCHEME_NODES: Record<Relation, { type: "RA" | "CA"; text: string }> = {
  supports: { type: "RA", text: "Default Inference" },
  rebuts: { type: "CA", text: "Default Conflict" },
  premise: { type: "RA", text: "Default Inference" },
  undercuts: { type: "CA", text: "Default Conflict" },
};
const RELATION_OF_SCHEME: Record<string, Relation> = { RA: "supports", CA: "rebuts" };

export function toAif(doc: MapDoc): AifExport {
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const argumapNodes: AifExport["argumap"]["nodes"] = {};
  const addNode = (text: string, type: string): string => {
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text, type });
    return nodeID;
  };
  const connect = (fromID: string, toID: string) => edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });

  const statementIds = new Map<string, string>();
  for (const node of Object.values(doc.nodes)) {
    const nodeID = addNode(node.text, "I");
    statementIds.set(node.id, nodeID);
    argumapNodes[nodeID] = { kind: node.kind, x: node.x, y: node.y };
  }
  const schemeIds = new Map<string, string>();
  const links = Object.values(doc.edges);
  // Undercuts last: they aim at the scheme node of a link written before them.
  for (const edge of [...links.filter((link) => link.relation !== "undercuts"), ...links.filter((link) => link.relation === "undercuts")]) {
    const from = statementIds.get(edge.from);
    const to = edge.relation === "undercuts" ? schemeIds.get(edge.to) : statementIds.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const scheme = addNode(SCHEME_NODES[edge.relation].text, SCHEME_NODES[edge.relation].type);
    schemeIds.set(edge.id, scheme);
    connect(from, scheme);
    connect(scheme, to);
  }

  const participants = new Map<string, AifParticipant>();
  const locutions: AifLocution[] = [];
  for (const node of Object.values(doc.nodes)) {
    const speaker = node.speaker.trim();
    if (!speaker) continue;
    let participant = participants.get(speaker);
    if (!participant) {
      // AIFdb splits a person's name in two; the last word as surname reads back exactly.
      const split = speaker.lastIndexOf(" ");
      participant = {
        participantID: participants.size + 1,
        firstname: split < 0 ? speaker : speaker.slice(0, split),
        surname: split < 0 ? "" : speaker.slice(split + 1),
      };
      participants.set(speaker, participant);
    }
    const locution = addNode(`${speaker} : ${node.text}`, "L");
    const asserting = addNode("Asserting", "YA");
    connect(locution, asserting);
    connect(asserting, statementIds.get(node.id)!);
    locutions.push({ nodeID: locution, personID: participant.participantID });
  }

  return {
    nodes,
    edges,
    locutions,
    participants: [...participants.values()],
    argumap: { version: 1, title: doc.meta.title, description: doc.meta.description, nodes: argumapNodes },
  };
}

/** AIFdb writes ids as strings, some tools as numbers; both are read as strings. */
const aifId = z.union([z.string().min(1, "an id cannot be empty"), z.number().finite()]).transform(String);
const aifSchema = z.object({
  nodes: z.array(z.object({ nodeID: aifId, type: z.string(), text: z.string().nullish() })),
  edges: z.array(z.object({ fromID: aifId, toID: aifId })).default([]),
  locutions: z.array(z.object({ nodeID: aifId, personID: aifId.nullish() })).default([]),
  participants: z.array(z.object({ participantID: aifId, firstname: z.string().nullish(), surname: z.string().nullish() })).default([]),
  argumap: z
    .object({
      version: z.number().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
      nodes: z.record(z.string(), z.object({ kind: z.enum(NODE_KINDS).optional(), x: z.number().optional(), y: z.number().optional() })).optional(),
    })
    .optional(),
});
/** OVA saves the diagram beside the AIF: `{AIF: {...}, OVA: {nodes: [{nodeID, x, y}]}}`. */
const ovaSchema = z.object({ nodes: z.array(z.object({ nodeID: aifId, x: z.number(), y: z.number() })) });
type Aif = z.output<typeof aifSchema>;

// Far more than a map's limits allow (an I-node, a scheme node per link, L and YA per speaker),
// so a sound file always passes; a larger one is refused before zod reads every item.
const MAX_AIF_ITEMS = 100_000;

/** Whether a parsed JSON value is AIF rather than Argumap's own JSON (which says `format`). */
export function looksLikeAif(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const raw = value as Record<string, unknown>;
  if (isObject(raw.AIF) || isObject(raw.aif)) return true;
  if ("format" in raw || !Array.isArray(raw.nodes)) return false;
  const has = (list: unknown, key: string) => Array.isArray(list) && list.some((item) => isObject(item) && key in item);
  return "locutions" in raw || has(raw.nodes, "nodeID") || has(raw.edges, "fromID");
}

/** Reads AIF JSON (bare, or as OVA saves it) into a doc, or says what is wrong. Never throws. */
export function parseAifImport(input: unknown): ImportResult {
  if (typeof input === "string") {
    try {
      input = JSON.parse(input) as unknown;
    } catch {
      return failure("invalid_op", "this is not valid JSON");
    }
  }
  if (!isObject(input)) return failure("invalid_op", "expected AIF JSON: an object with nodes, edges and locutions");
  const wrapped = input.AIF ?? input.aif;
  const raw = isObject(wrapped) ? wrapped : input;
  for (const list of ["nodes", "edges", "locutions", "participants"] as const) {
    const items = raw[list];
    if (Array.isArray(items) && items.length > MAX_AIF_ITEMS) return failure("too_large", `this AIF file has ${items.length} ${list}; at most ${MAX_AIF_ITEMS} can be read`);
  }
  const parsed = aifSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error, raw) };
  const aif = parsed.data;
  const seen = new Set<string>();
  for (const { nodeID } of aif.nodes) {
    if (seen.has(nodeID)) return failure("conflict", `two AIF nodes have the nodeID "${nodeID}"`);
    seen.add(nodeID);
  }
  for (const [index, edge] of aif.edges.entries()) {
    for (const end of [edge.fromID, edge.toID]) {
      if (!seen.has(end)) return failure("not_found", `AIF edge ${index + 1} points to node "${end}", which is not in the file`);
    }
  }
  const statements = aif.nodes.filter((node) => node.type === "I");
  if (aif.nodes.length > 0 && statements.length === 0) return failure("invalid_op", "this AIF file has no I-nodes (statements) to import");

  const ova = ovaSchema.safeParse(input.OVA ?? input.ova);
  const ovaPositions = new Map(ova.success ? ova.data.nodes.map((node) => [node.nodeID, node] as const) : []);
  const extension = aif.argumap?.version === 1 || aif.argumap?.version === undefined ? aif.argumap : undefined;
  const graph = adjacency(aif);
  const speakers = speakersOf(aif, graph);
  const links = linksOf(aif, graph, new Map(statements.map((node, index) => [node.nodeID, index])));
  if (!Array.isArray(links)) return { ok: false, error: links };
  return buildImportedDoc({
    title: extension?.title ?? "",
    description: extension?.description ?? "",
    statements: statements.map((node): ImportedStatement => {
      const extra = extension?.nodes ? entryOf(extension.nodes, node.nodeID) : undefined;
      const ovaPosition = ovaPositions.get(node.nodeID);
      const position = extra?.x !== undefined && extra.y !== undefined ? { x: extra.x, y: extra.y } : ovaPosition;
      return { label: `I-node "${node.nodeID}"`, text: node.text ?? "", kind: extra?.kind, speaker: speakers.get(node.nodeID), position };
    }),
    links,
  });
}

/**
 * Every premise of an RA or CA node linked to each of its conclusions. Linked premises (several
 * premises working only together) become separate links, the closest the model has. A scheme
 * node aimed at another scheme node (an undercut) or any other type of node is left out.
 * One scheme node between m premises and n conclusions means m × n links: the count is checked
 * as they are made, so a file that would make millions stops at the map's limit.
 */
function linksOf(aif: Aif, { into, outOf }: Adjacency, statementIndex: ReadonlyMap<string, number>): ImportedLink[] | OpError {
  const links: ImportedLink[] = [];
  const pairs = new Set<string>();
  for (const node of aif.nodes) {
    const relation = RELATION_OF_SCHEME[node.type];
    if (!relation) continue;
    const premises = (into.get(node.nodeID) ?? []).map((id) => statementIndex.get(id)).filter((index) => index !== undefined);
    const conclusions = (outOf.get(node.nodeID) ?? []).map((id) => statementIndex.get(id)).filter((index) => index !== undefined);
    for (const from of premises) {
      for (const to of conclusions) {
        links.push({ from, to, relation });
        if (from !== to) pairs.add(`${from} ${to}`);
        if (pairs.size > LIMITS.edgesPerMap) {
          return { code: "too_large", message: `a map holds at most ${LIMITS.edgesPerMap} links; this file has more by scheme node "${node.nodeID}" (${premises.length} premises × ${conclusions.length} conclusions)` };
        }
      }
    }
  }
  return links;
}

/** The speaker of each I-node that a locution asserts (L → YA → I): its participant, or the "Name :" its text starts with. */
function speakersOf(aif: Aif, { into, outOf }: Adjacency): Map<string, string> {
  const nodesById = new Map(aif.nodes.map((node) => [node.nodeID, node] as const));
  const people = new Map(aif.participants.map((person) => [person.participantID, `${person.firstname ?? ""} ${person.surname ?? ""}`.trim()]));
  const personOfLocution = new Map(aif.locutions.map((locution) => [locution.nodeID, locution.personID]));
  const speakers = new Map<string, string>();
  for (const node of aif.nodes) {
    if (node.type !== "YA") continue;
    const locution = (into.get(node.nodeID) ?? []).map((id) => nodesById.get(id)).find((from) => from?.type === "L");
    if (!locution) continue;
    const personID = personOfLocution.get(locution.nodeID);
    const text = locution.text ?? "";
    const name = (personID != null ? people.get(personID) : undefined) || (text.includes(" : ") ? text.slice(0, text.indexOf(" : ")).trim() : "");
    if (!name) continue;
    for (const to of outOf.get(node.nodeID) ?? []) {
      if (nodesById.get(to)?.type === "I" && !speakers.has(to)) speakers.set(to, name);
    }
  }
  return speakers;
}

/** Each node's neighbours along the edges: the nodes pointing into it, and those it points to. */
interface Adjacency {
  into: Map<string, string[]>;
  outOf: Map<string, string[]>;
}

function adjacency(aif: Aif): Adjacency {
  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  const add = (index: Map<string, string[]>, key: string, value: string) => {
    const list = index.get(key);
    if (list) list.push(value);
    else index.set(key, [value]);
  };
  for (const edge of aif.edges) {
    add(into, edge.toID, edge.fromID);
    add(outOf, edge.fromID, edge.toID);
  }
  return { into, outOf };
}

const LIST_NAMES: Record<string, string> = { nodes: "node", edges: "edge", locutions: "locution", participants: "participant" };

/** The first zod issue, naming the item: `AIF node 3 ("12"): type: …`. */
function describeIssue(error: z.ZodError, raw: Record<string, unknown>): OpError {
  const issue = error.issues[0];
  const code = error.issues.some((i) => i.code === "too_big") ? "too_large" : "invalid_op";
  if (!issue) return { code, message: "invalid AIF" };
  const [list, index, ...field] = issue.path;
  const what = typeof list === "string" ? LIST_NAMES[list] : undefined;
  if (what && typeof index === "number") {
    const item = (raw[list as string] as unknown[])[index];
    const id = isObject(item) ? (item.nodeID ?? item.participantID) : undefined;
    const named = typeof id === "string" || typeof id === "number" ? ` (${JSON.stringify(String(id))})` : "";
    return { code, message: `AIF ${what} ${index + 1}${named}: ${field.length > 0 ? `${field.map(String).join(".")}: ` : ""}${issue.message}` };
  }
  const where = issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
  return { code, message: `AIF: ${where}${issue.message}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function failure(code: OpError["code"], message: string): ImportResult {
  return { ok: false, error: { code, message } };
}
