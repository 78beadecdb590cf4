/**
 * AIF's dialogue layer in and out (the model is dialogue.ts). Reading: every L, YA and TA node,
 * locution and participant is kept as the file has it, and each edge between the dialogue and
 * the argument layer is anchored to what its argument end became (a statement, or the link a
 * scheme node became). Writing: the kept layer gets new ids after the argument layer's, its
 * anchors resolved to the I-nodes and scheme nodes just written.
 */
import { DIALOGUE_TYPES, resolveDialogue, type DialogueEnd, type DialogueLayer, type DialogueLocution } from "./dialogue";
import type { ImportedDialogue, ImportedDialogueEnd } from "./importedDoc";

type Item = Record<string, unknown>;

export interface DialogueSource {
  /** The file's own items (all fields), in file order; zod has checked their shape. */
  rawNodes: readonly Item[];
  rawLocutions: readonly Item[];
  rawParticipants: readonly Item[];
  edges: readonly { fromID: string; toID: string }[];
  typeOf(nodeID: string): string | undefined;
  statementOf(nodeID: string): number | undefined;
  linkOfScheme(nodeID: string): number | undefined;
  warn(where: string, message: string): void;
}

export function readDialogue(source: DialogueSource): ImportedDialogue | undefined {
  const nodes = source.rawNodes
    .filter((item) => DIALOGUE_TYPES.has(String(item.type)))
    .map((item) => ({ ...item, nodeID: String(item.nodeID), type: String(item.type), text: typeof item.text === "string" ? item.text : "" }));
  if (nodes.length === 0 && source.rawLocutions.length === 0 && source.rawParticipants.length === 0) return undefined;
  const own = new Set(nodes.map((node) => node.nodeID));
  const edges: ImportedDialogue["edges"] = [];
  for (const { fromID, toID } of source.edges) {
    if (!own.has(fromID) && !own.has(toID)) continue;
    const where = `AIF edge from "${fromID}" to "${toID}"`;
    const from = anchorOf(fromID, own, source);
    const to = anchorOf(toID, own, source);
    if (from && to) edges.push({ from, to, where });
    else source.warn(where, `it links the dialogue layer to a ${source.typeOf(from ? toID : fromID)}-node that is not imported as a statement or a link; left out`);
  }
  const locutions = source.rawLocutions.flatMap((item) => {
    const nodeID = String(item.nodeID);
    if (own.has(nodeID)) return [{ ...item, nodeID }];
    source.warn(`AIF locution of node "${nodeID}"`, "a locution belongs to an L-node; this one names none and is left out");
    return [];
  });
  return { nodes, edges, locutions, participants: [...source.rawParticipants] };
}

function anchorOf(nodeID: string, own: ReadonlySet<string>, source: DialogueSource): ImportedDialogueEnd | undefined {
  if (own.has(nodeID)) return { dialogue: nodeID };
  const statement = source.statementOf(nodeID);
  if (statement !== undefined) return { statement };
  const link = source.linkOfScheme(nodeID);
  return link === undefined ? undefined : { link };
}

export interface DialogueWriter {
  /** The I-node a map node was written as, and the scheme node a link was written as. */
  iNodeOf(nodeId: string): string | undefined;
  schemeOf(linkId: string): string | undefined;
  addNode(item: Item & { text: string; type: string }): string;
  connect(fromID: string, toID: string): void;
}

/**
 * Writes the kept layer (what of it the map still anchors); returns its locutions and participants
 * with the new ids, and the layer as written (still anchored by map ids).
 */
export function writeDialogue(kept: DialogueLayer, writer: DialogueWriter): { locutions: DialogueLocution[]; participants: Item[]; layer: DialogueLayer } {
  const resolve = (end: DialogueEnd) => ("node" in end ? writer.iNodeOf(end.node) : "link" in end ? writer.schemeOf(end.link) : end.dialogue);
  const { layer, ends } = resolveDialogue(kept, resolve);
  const newId = new Map<string, string>();
  for (const node of layer.nodes) newId.set(node.nodeID, writer.addNode({ ...node }));
  const idOf = (end: DialogueEnd) => ("dialogue" in end ? newId.get(end.dialogue)! : ends.get(end)!);
  for (const edge of layer.edges) writer.connect(idOf(edge.from), idOf(edge.to));
  return {
    locutions: layer.locutions.map((locution) => ({ ...locution, nodeID: newId.get(locution.nodeID)! })),
    participants: layer.participants.map((participant) => ({ ...participant })),
    layer,
  };
}
