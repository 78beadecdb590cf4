/**
 * AIF, the Argument Interchange Format, in the JSON that AIFdb and OVA read and write:
 *
 *   {nodes: [{nodeID, text, type}], edges: [{edgeID, fromID, toID}], locutions, participants}
 *
 * A statement is an I-node. A link is a scheme node between I-nodes: I → RA → I for "supports"
 * (rule application), I → CA → I for "rebuts" (conflict application). An argument with premises
 * and a conclusion is AIF's linked argument: one scheme node per link out of it, with every
 * premise pointing into it (I₁, I₂ → RA → I). An undercut is a conflict aimed at the scheme node
 * of the link it undercuts (CA → RA). An argument without premises or without a conclusion is an
 * I-node (AIF's argument layer needs both ends of every scheme node), and its premises point
 * into it through RA nodes marked as premises. Who holds a view lives in AIF's dialogue layer: a
 * locution (L-node, "Speaker : text") asserts the I-node through a YA-node, L → YA → I. A map
 * imported from AIF keeps the file's dialogue layer (dialogue.ts), which is written back after
 * the argument layer, anchored to the new ids; a locution is written anew only for a speaker
 * that no kept locution names.
 * What AIF has no place for (kinds, positions, the title, sources and quotes, which scheme nodes
 * form one argument) travels in an `argumap` member that other tools ignore.
 */
import { indexEdges } from "../graph";
import type { ArgEdge, ArgNode, MapDoc, NodeKind, Source } from "../types";
import { writeDialogue } from "./aifDialogue";
import { assertedSpeakers, participantName, type DialogueLayer } from "./dialogue";

export { looksLikeAif, parseAifImport } from "./aifImport";

/** A kept dialogue node or locution carries the other fields its file gave it (e.g. AIFdb's timestamp). */
export interface AifNode {
  nodeID: string;
  text: string;
  type: string;
  [field: string]: unknown;
}
export interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
  formEdgeID: null;
}
export interface AifLocution {
  nodeID: string;
  personID?: unknown;
  [field: string]: unknown;
}
export interface AifParticipant {
  participantID?: unknown;
  firstname?: unknown;
  surname?: unknown;
  [field: string]: unknown;
}
/** A node's own fields that AIF has no place for. */
export interface ArgumapNodeExtra {
  kind: NodeKind;
  x: number;
  y: number;
  text?: string;
  speaker?: string;
  sourceId?: string;
  quote?: string;
  quotePrefix?: string;
  quoteSuffix?: string;
}
export interface ArgumapExtension {
  version: 2;
  title: string;
  description: string;
  /** By I-node id. */
  nodes: Record<string, ArgumapNodeExtra>;
  /** The arguments written as scheme nodes (not as I-nodes), by a key of their own. */
  arguments: Record<string, ArgumapNodeExtra>;
  /** Scheme nodes that are a premise link (`premise`) or one link of an argument (its key). */
  schemes: Record<string, { premise: true } | { argument: string }>;
  sources: Source[];
}
export interface AifExport {
  nodes: AifNode[];
  edges: AifEdge[];
  locutions: AifLocution[];
  participants: AifParticipant[];
  argumap: ArgumapExtension;
}

// The names AIFdb and OVA give a scheme node that applies no particular argumentation scheme.
const INFERENCE = { type: "RA", text: "Default Inference" } as const;
const CONFLICT = { type: "CA", text: "Default Conflict" } as const;

/** Arguments written as scheme nodes: with premises, some link out, and no link into them but premises. */
function schemeArguments(doc: MapDoc): Set<string> {
  const { incoming, outgoing } = indexEdges(doc);
  const folded = new Set<string>();
  for (const node of Object.values(doc.nodes)) {
    if (node.kind !== "argument") continue;
    const into = incoming.get(node.id) ?? [];
    if (into.length > 0 && into.every((edge) => edge.relation === "premise") && (outgoing.get(node.id) ?? []).length > 0) folded.add(node.id);
  }
  return folded;
}

function extraOf(node: ArgNode, withText: boolean): ArgumapNodeExtra {
  const extra: ArgumapNodeExtra = { kind: node.kind, x: node.x, y: node.y };
  if (withText) extra.text = node.text;
  if (withText && node.speaker) extra.speaker = node.speaker;
  if (node.sourceId) extra.sourceId = node.sourceId;
  if (node.quote) extra.quote = node.quote;
  if (node.quotePrefix) extra.quotePrefix = node.quotePrefix;
  if (node.quoteSuffix) extra.quoteSuffix = node.quoteSuffix;
  return extra;
}

/** `kept`: the dialogue layer the map was imported with, if any. */
export function toAif(doc: MapDoc, kept?: DialogueLayer | null): AifExport {
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const extension: ArgumapExtension = { version: 2, title: doc.meta.title, description: doc.meta.description, nodes: {}, arguments: {}, schemes: {}, sources: Object.values(doc.sources) };
  const addNode = (text: string, type: string): string => {
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text, type });
    return nodeID;
  };
  const connect = (fromID: string, toID: string) => edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });

  const folded = schemeArguments(doc);
  const { incoming } = indexEdges(doc);
  const iNodes = new Map<string, string>();
  // Keys of our own ("a1", …), not node ids: an id such as "__proto__" must not become a key.
  const argumentKeys = new Map<string, string>();
  for (const node of Object.values(doc.nodes)) {
    if (folded.has(node.id)) {
      const key = `a${argumentKeys.size + 1}`;
      argumentKeys.set(node.id, key);
      extension.arguments[key] = extraOf(node, true);
      continue;
    }
    const nodeID = addNode(node.text, "I");
    iNodes.set(node.id, nodeID);
    extension.nodes[nodeID] = extraOf(node, false);
  }
  /** The AIF nodes a link starts from: the I-node, or a scheme argument's premises. */
  const sourcesOf = (nodeId: string): string[] =>
    folded.has(nodeId) ? (incoming.get(nodeId) ?? []).map((edge) => iNodes.get(edge.from)!) : [iNodes.get(nodeId)!];

  const schemeOfLink = new Map<string, string>();
  const links = Object.values(doc.edges);
  const write = (edge: ArgEdge, target: string) => {
    const scheme = edge.relation === "supports" || edge.relation === "premise" ? INFERENCE : CONFLICT;
    const nodeID = addNode(scheme.text, scheme.type);
    schemeOfLink.set(edge.id, nodeID);
    if (edge.relation === "premise") extension.schemes[nodeID] = { premise: true };
    else if (folded.has(edge.from)) extension.schemes[nodeID] = { argument: argumentKeys.get(edge.from)! };
    for (const from of sourcesOf(edge.from)) connect(from, nodeID);
    connect(nodeID, target);
  };
  for (const edge of links) {
    if (edge.relation === "undercuts" || (edge.relation === "premise" && folded.has(edge.to))) continue;
    write(edge, iNodes.get(edge.to)!);
  }
  // Undercuts last: they aim at the scheme node of a link written before them.
  for (const edge of links) {
    const target = edge.relation === "undercuts" ? schemeOfLink.get(edge.to) : undefined;
    if (target !== undefined) write(edge, target);
  }

  const written = kept
    ? writeDialogue(kept, {
        iNodeOf: (id) => iNodes.get(id),
        schemeOf: (id) => schemeOfLink.get(id),
        addNode: ({ nodeID: _fileId, ...item }) => {
          const nodeID = String(nodes.length + 1);
          nodes.push({ nodeID, ...item });
          return nodeID;
        },
        connect,
      })
    : { locutions: [], participants: [], layer: undefined };
  const fresh = dialogue(doc, iNodes, addNode, connect, { participants: written.participants, asserted: written.layer ? assertedSpeakers(written.layer) : new Map() });
  return { nodes, edges, locutions: [...written.locutions, ...fresh.locutions], participants: [...written.participants, ...fresh.participants], argumap: extension };
}

/**
 * An L-node "Speaker : text" asserting (YA) each I-node whose statement has a speaker that no
 * kept locution already names; a kept participant of that name is reused, new ones are numbered
 * after the kept ones.
 */
function dialogue(
  doc: MapDoc,
  iNodes: ReadonlyMap<string, string>,
  addNode: (text: string, type: string) => string,
  connect: (from: string, to: string) => void,
  kept: { participants: AifParticipant[]; asserted: ReadonlyMap<string, ReadonlySet<string>> },
) {
  const { asserted } = kept;
  const keptParticipants = new Map(kept.participants.map((person) => [participantName(person), person]));
  const taken = kept.participants.map((person) => Number(person.participantID)).filter(Number.isSafeInteger);
  let nextId = Math.max(0, ...taken);
  const participants = new Map<string, AifParticipant>();
  const created: AifParticipant[] = [];
  const locutions: AifLocution[] = [];
  for (const node of Object.values(doc.nodes)) {
    const speaker = node.speaker.trim();
    const statement = iNodes.get(node.id);
    if (!speaker || statement === undefined || asserted.get(node.id)?.has(speaker)) continue;
    let participant = participants.get(speaker) ?? keptParticipants.get(speaker);
    if (!participant) {
      // AIFdb splits a person's name in two; the last word as surname reads back exactly.
      const split = speaker.lastIndexOf(" ");
      participant = {
        participantID: ++nextId,
        firstname: split < 0 ? speaker : speaker.slice(0, split),
        surname: split < 0 ? "" : speaker.slice(split + 1),
      };
      participants.set(speaker, participant);
      created.push(participant);
    }
    const locution = addNode(`${speaker} : ${node.text}`, "L");
    const asserting = addNode("Asserting", "YA");
    connect(locution, asserting);
    connect(asserting, statement);
    locutions.push({ nodeID: locution, personID: participant.participantID });
  }
  return { locutions, participants: created };
}
