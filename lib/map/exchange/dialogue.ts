/**
 * AIF's dialogue layer, kept with a map so that exporting gives it back: the L (locution), YA
 * (illocutionary) and TA (transition) nodes, the edges between them and the argument layer, the
 * locutions and the participants, as the file had them (every field, e.g. AIFdb's timestamps).
 *
 * It is plain data beside the map, not part of the document: nothing on the canvas edits it, so
 * no op needs to know it. Its edges are anchored to the map's records by id — a statement
 * (`node`), or the link a scheme node became (`link`) — and an export drops every part whose
 * anchor has been deleted since, along with a YA that loses what it was anchored to, so the file
 * written stays valid AIF. The speaker a locution names is also kept on its statement, which the
 * map does edit; an export writes a fresh locution for a speaker no kept locution names.
 */
import { z } from "zod";
import { LIMITS } from "../limits";
import type { MapDoc } from "../types";

/** An end of a dialogue edge: one of the layer's own nodes, or the map node or link it is anchored to. */
export type DialogueEnd = { dialogue: string } | { node: string } | { link: string };

/** An item as the file had it; `nodeID` (for nodes and locutions) is the file's id, as a string. */
type Item = Record<string, unknown>;
export type DialogueNode = Item & { nodeID: string; type: string; text: string };
export type DialogueLocution = Item & { nodeID: string };

export interface DialogueLayer {
  nodes: DialogueNode[];
  edges: { from: DialogueEnd; to: DialogueEnd }[];
  locutions: DialogueLocution[];
  participants: Item[];
}

export const DIALOGUE_TYPES = new Set(["L", "YA", "TA"]);

/** Far beyond a real dialogue over a full map; the request body limit bounds it anyway. */
export const MAX_DIALOGUE_ITEMS = 4 * LIMITS.nodesPerMap;

const id = z.string().min(1).max(200);
const end = z.union([z.strictObject({ dialogue: id }), z.strictObject({ node: id }), z.strictObject({ link: id })]);
/** How a JSON import reads the layer back (our own export wrote it; anything else is checked the same). */
export const dialogueLayerSchema = z.object({
  nodes: z.array(z.looseObject({ nodeID: id, type: z.enum(["L", "YA", "TA"]), text: z.string().max(LIMITS.nodeTextLength * 2) })).max(MAX_DIALOGUE_ITEMS),
  edges: z.array(z.object({ from: end, to: end })).max(MAX_DIALOGUE_ITEMS),
  locutions: z.array(z.looseObject({ nodeID: id })).max(MAX_DIALOGUE_ITEMS),
  participants: z.array(z.looseObject({})).max(MAX_DIALOGUE_ITEMS),
});

export function isEmptyDialogue(layer: DialogueLayer | undefined | null): boolean {
  return !layer || (layer.nodes.length === 0 && layer.edges.length === 0 && layer.locutions.length === 0 && layer.participants.length === 0);
}

/**
 * The layer as far as `resolve` finds its anchors: an edge with an end it cannot find is dropped,
 * and so is a YA that lost such an edge (an illocution of nothing), with its other edges. L and TA
 * nodes stay: they are what was said, and when. Locutions of dropped nodes go too.
 */
export function resolveDialogue<T>(layer: DialogueLayer, resolve: (end: DialogueEnd) => T | undefined): { layer: DialogueLayer; ends: Map<DialogueEnd, T> } {
  const types = new Map(layer.nodes.map((node) => [node.nodeID, node.type]));
  const ends = new Map<DialogueEnd, T>();
  const lost = new Set<string>();
  const endOf = (item: DialogueEnd) => ("dialogue" in item ? (types.has(item.dialogue) ? item.dialogue : undefined) : undefined);
  for (const edge of layer.edges) {
    const found = [edge.from, edge.to].map((item) => {
      const value = "dialogue" in item && !types.has(item.dialogue) ? undefined : resolve(item);
      if (value !== undefined) ends.set(item, value);
      return value;
    });
    if (found.includes(undefined)) {
      for (const item of [edge.from, edge.to]) {
        const own = endOf(item);
        if (own !== undefined && types.get(own) === "YA") lost.add(own);
      }
    }
  }
  const nodes = layer.nodes.filter((node) => !lost.has(node.nodeID));
  const kept = new Set(nodes.map((node) => node.nodeID));
  const isKept = (item: DialogueEnd) => ends.has(item) && !("dialogue" in item && !kept.has(item.dialogue));
  return {
    layer: {
      nodes,
      edges: layer.edges.filter((edge) => isKept(edge.from) && isKept(edge.to)),
      locutions: layer.locutions.filter((locution) => kept.has(locution.nodeID)),
      participants: layer.participants,
    },
    ends,
  };
}

/** The layer as `doc` still anchors it (a JSON import, or before an export). */
export function dialogueFor(layer: DialogueLayer, doc: MapDoc): DialogueLayer {
  return resolveDialogue(layer, (item) => ("node" in item ? doc.nodes[item.node]?.id : "link" in item ? doc.edges[item.link]?.id : item.dialogue)).layer;
}

/** The full name of a participant as AIFdb splits it, "firstname surname". */
export function participantName(participant: Item): string {
  const part = (value: unknown) => (typeof value === "string" ? value : "");
  return `${part(participant.firstname)} ${part(participant.surname)}`.trim();
}

/**
 * "Condoleezza Rice : text" (AIFdb) or "Rice: text" (OVA): the name before the first colon that
 * a space follows, if it is short enough to be a name.
 */
export function speakerInText(text: string): string {
  const match = /^([^:\n]{1,100}?)\s*:\s/u.exec(text);
  return match ? match[1]!.trim() : "";
}

/** Who the layer says asserted each map node (L → YA → node): the locution's participant, or the name in its text. */
export function assertedSpeakers(layer: DialogueLayer): Map<string, Set<string>> {
  const byNode = new Map(layer.nodes.map((node) => [node.nodeID, node]));
  const people = new Map(layer.participants.map((person) => [String(person.participantID), participantName(person)]));
  const personOf = new Map(layer.locutions.map((locution) => [locution.nodeID, locution.personID]));
  const speakerOfLocution = (nodeID: string) => {
    const person = personOf.get(nodeID);
    return (person != null ? people.get(String(person)) : undefined) || speakerInText(byNode.get(nodeID)?.text ?? "");
  };
  const locutionsInto = new Map<string, string[]>();
  for (const { from, to } of layer.edges) {
    if ("dialogue" in from && "dialogue" in to && byNode.get(from.dialogue)?.type === "L") {
      locutionsInto.set(to.dialogue, [...(locutionsInto.get(to.dialogue) ?? []), from.dialogue]);
    }
  }
  const asserted = new Map<string, Set<string>>();
  for (const { from, to } of layer.edges) {
    if (!("dialogue" in from) || !("node" in to) || byNode.get(from.dialogue)?.type !== "YA") continue;
    for (const locution of locutionsInto.get(from.dialogue) ?? []) {
      const name = speakerOfLocution(locution);
      if (!name) continue;
      const names = asserted.get(to.node) ?? new Set<string>();
      names.add(name);
      asserted.set(to.node, names);
    }
  }
  return asserted;
}
