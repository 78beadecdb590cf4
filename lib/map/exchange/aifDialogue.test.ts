/**
 * AIF's dialogue layer survives a round trip: L, YA and TA nodes (with every field the file gave
 * them), locutions, participants, and the edges that tie them to the same statements and scheme
 * nodes, under their new ids; a part whose anchor was deleted is dropped, never left dangling.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapDocArb } from "../testing/mapArb";
import { importedDoc } from "../testing/imports";
import { withUniqueTexts } from "../testing/structureSignature";
import type { MapDoc } from "../types";
import { parseAifImport, toAif } from "./aif";
import type { DialogueEnd, DialogueLayer } from "./dialogue";
import { parseJsonImport, toJsonExport } from "./json";
import { DEBATE, DIALOGUE_NODES, withStringIds, type AifFile } from "../testing/aifDebate";

const ARGUMENT_LAYER = new Set(["I", "RA", "CA", "MA"]);
const DIALOGUE = new Set(["L", "YA", "TA"]);

/**
 * The dialogue layer of a file, by content rather than ids: each dialogue node with its fields,
 * each edge touching it by what its ends are (an I-node by its text, a scheme node by its type
 * and what it links), the locutions by their L-node, and the participants.
 */
function dialogueOf(file: AifFile) {
  const byId = new Map(file.nodes.map((node) => [String(node.nodeID), node]));
  const ins = (id: string) => file.edges.filter((e) => String(e.toID) === id).map((e) => String(e.fromID));
  const outs = (id: string) => file.edges.filter((e) => String(e.fromID) === id).map((e) => String(e.toID));
  const describe = (id: string): string => {
    const node = byId.get(id)!;
    if (node.type === "I") return `I "${node.text}"`;
    if (DIALOGUE.has(node.type)) return `${node.type} "${node.text}"`;
    // Premises (I-nodes) in, conclusions (I-nodes, or the scheme an undercut aims at) out: no cycles.
    const layer = (ids: string[], types: Set<string>) => ids.filter((other) => types.has(byId.get(other)!.type)).map(describe).sort().join(" + ");
    return `${node.type}(${layer(ins(id), new Set(["I"]))} → ${layer(outs(id), ARGUMENT_LAYER)})`;
  };
  const fields = ({ nodeID: _id, ...rest }: Record<string, unknown>) => rest;
  return {
    nodes: file.nodes.filter((node) => DIALOGUE.has(node.type)).map((node) => JSON.stringify(fields(node))).sort(),
    edges: file.edges
      .filter((e) => DIALOGUE.has(byId.get(String(e.fromID))!.type) || DIALOGUE.has(byId.get(String(e.toID))!.type))
      .map((e) => `${describe(String(e.fromID))} → ${describe(String(e.toID))}`)
      .sort(),
    locutions: file.locutions.map((l) => `${describe(String(l.nodeID))} ${JSON.stringify(fields(l))}`).sort(),
    participants: file.participants,
  };
}

function imported(file: unknown): { doc: MapDoc; dialogue: DialogueLayer | undefined; warnings: unknown[]; created: Record<string, number> } {
  const result = parseAifImport(JSON.parse(JSON.stringify(file)));
  const doc = importedDoc(result);
  return { doc, dialogue: result.ok ? result.dialogue : undefined, warnings: result.ok ? result.report.warnings : [], created: result.ok ? result.report.created : {} };
}

const exported = (doc: MapDoc, dialogue?: DialogueLayer) => JSON.parse(JSON.stringify(toAif(doc, dialogue))) as AifFile;

function expectArgumentLayerWhole(file: AifFile) {
  const type = new Map(file.nodes.map((n) => [String(n.nodeID), n.type]));
  for (const edge of file.edges) for (const end of [edge.fromID, edge.toID]) expect(type.has(String(end))).toBe(true);
  for (const scheme of file.nodes.filter((n) => n.type !== "I" && ARGUMENT_LAYER.has(n.type))) {
    expect(file.edges.some((e) => String(e.toID) === String(scheme.nodeID) && ARGUMENT_LAYER.has(type.get(String(e.fromID))!))).toBe(true);
    expect(file.edges.some((e) => String(e.fromID) === String(scheme.nodeID) && ARGUMENT_LAYER.has(type.get(String(e.toID))!))).toBe(true);
  }
  // Every YA connects something to something: none is left hanging by a dropped anchor.
  for (const ya of file.nodes.filter((n) => n.type === "YA")) {
    expect(file.edges.some((e) => String(e.fromID) === String(ya.nodeID))).toBe(true);
    expect(file.edges.some((e) => String(e.toID) === String(ya.nodeID))).toBe(true);
  }
  for (const locution of file.locutions) expect(type.get(String(locution.nodeID))).toBe("L");
}

describe("AIF's dialogue layer", () => {
  for (const [name, file] of [["OVA's {AIF, OVA} with numeric ids", { AIF: DEBATE, OVA: { nodes: [] } }], ["AIFdb's bare file with string ids", withStringIds(DEBATE)]] as const) {
    it(`is kept on import and given back by the export, tied to the same statements and scheme nodes (${name})`, () => {
      const first = imported(file);
      expect(first.warnings).toEqual([]);
      expect(first.created).toMatchObject({ claim: 1, argument: 1, dialogue: DIALOGUE_NODES, undercuts: 1, rebuts: 1 });
      expect(Object.values(first.doc.nodes).map((n) => [n.text, n.speaker])).toContainEqual(["Taxes hurt the poor most", "Bob"]);

      const aif = exported(first.doc, first.dialogue);
      expect(dialogueOf(aif)).toEqual(dialogueOf(withStringIds(DEBATE)));
      expectArgumentLayerWhole(aif);
      // Every speaker is named by a kept locution: none is written twice.
      expect(aif.nodes.filter((n) => n.type === "L")).toHaveLength(4);

      // And again: an export of the export's import is the same file.
      const second = imported(aif);
      expect(second.warnings).toEqual([]);
      expect(exported(second.doc, second.dialogue)).toEqual(aif);
    });
  }

  it("drops on export what hangs on a deleted statement or link (its YA and the edges), and keeps what was said", () => {
    const { doc, dialogue } = imported(DEBATE);
    const taxes = Object.values(doc.nodes).find((n) => n.text === "Taxes hurt the poor most")!;
    const edited: MapDoc = { ...doc, nodes: { ...doc.nodes }, edges: { ...doc.edges } };
    delete edited.nodes[taxes.id];
    for (const edge of Object.values(doc.edges)) if (edge.from === taxes.id || edge.to === taxes.id) delete edited.edges[edge.id];

    const aif = exported(edited, dialogue);
    expectArgumentLayerWhole(aif);
    const { nodes, edges } = dialogueOf(aif);
    // Bob's locution and the transition to it stay; "Asserting" the deleted claim and "Disagreeing" with the deleted rebuttal go.
    expect(nodes.filter((n) => n.includes('"YA"'))).toHaveLength(5);
    expect(nodes).toContain(JSON.stringify({ text: "Bob: Taxes hurt the poor most", type: "L" }));
    // Nothing points at the deleted statement, or at the rebuttal it made.
    expect(edges.filter((e) => e.includes('I "Taxes hurt the poor most"'))).toEqual([]);
    expect(edges.filter((e) => e.includes('"Disagreeing"'))).toEqual([]);
    expect(edges).toContain('TA "Default Transition" → L "Bob: Taxes hurt the poor most"');
  });

  it("writes a fresh locution for a speaker no kept locution names, numbering the new participant after the kept ones", () => {
    const { doc, dialogue } = imported(DEBATE);
    const claim = Object.values(doc.nodes).find((n) => n.text === "Sugar should be taxed")!;
    const aif = exported({ ...doc, nodes: { ...doc.nodes, [claim.id]: { ...claim, speaker: "Grace Hopper" } } }, dialogue);
    expect(aif.nodes.filter((n) => n.type === "L").map((n) => n.text)).toContain("Grace Hopper : Sugar should be taxed");
    expect(aif.participants).toEqual([...DEBATE.participants, { participantID: 3, firstname: "Grace", surname: "Hopper" }]);
    expectArgumentLayerWhole(aif);
  });

  it("travels in Argumap's JSON too, so a JSON round trip loses nothing of it", () => {
    const { doc, dialogue } = imported(DEBATE);
    const back = parseJsonImport(JSON.stringify(toJsonExport(doc, dialogue)));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.dialogue).toEqual(dialogue);
    expect(exported(back.doc, back.dialogue)).toEqual(exported(doc, dialogue));
    // A map without one writes no `dialogue` member.
    expect("dialogue" in toJsonExport(doc)).toBe(false);
  });

  it("reads a JSON file's layer only as far as the file's own nodes and links anchor it, and refuses an oversized one", () => {
    const { doc, dialogue } = imported(DEBATE);
    const json = toJsonExport(doc, dialogue);
    const stray = { ...json, dialogue: { ...dialogue!, edges: [...dialogue!.edges, { from: { dialogue: "21" }, to: { node: "no-such-node" } }] } };
    const read = parseJsonImport(stray);
    expect(read.ok && read.dialogue?.nodes.some((n) => n.nodeID === "21")).toBe(false);
    const huge = { ...json, dialogue: { ...dialogue!, nodes: Array.from({ length: 20_001 }, (_, i) => ({ nodeID: `x${i}`, type: "TA", text: "" })) } };
    const refused = parseJsonImport(huge);
    expect(refused.ok ? "accepted" : refused.error.code).toBe("too_large");
  });

  it("round-trips a dialogue over any map: every locution, transition and illocution comes back on the same statement or link", () => {
    type Move = { who: string; said: string; act: string; anchor: DialogueEnd };
    const withDialogue = mapDocArb().chain((map): fc.Arbitrary<[MapDoc, Move[]]> => {
      // Speakers come from the dialogue here, so that what the layer says is all there is to compare.
      const doc = withUniqueTexts({ ...map, nodes: Object.fromEntries(Object.entries(map.nodes).map(([id, n]) => [id, { ...n, speaker: "" }])) });
      // Anchors an export always writes: statements (arguments may fold into scheme nodes) and links other than premises.
      const statements = Object.values(doc.nodes).filter((n) => n.kind !== "argument").map((n) => n.id);
      const links = Object.values(doc.edges).filter((e) => e.relation !== "premise").map((e) => e.id);
      const anchors: DialogueEnd[] = [...statements.map((node) => ({ node })), ...links.map((link) => ({ link }))];
      if (anchors.length === 0) return fc.tuple(fc.constant(doc), fc.constant<Move[]>([]));
      const move = fc.record({ who: fc.constantFrom("Ada", "Bob Smith"), said: fc.string({ maxLength: 12 }), act: fc.constantFrom("Asserting", "Arguing", "Questioning"), anchor: fc.constantFrom(...anchors) });
      return fc.tuple(fc.constant(doc), fc.array(move, { maxLength: 6 }));
    });
    fc.assert(
      fc.property(withDialogue, ([doc, moves]) => {
        const layer: DialogueLayer = { nodes: [], edges: [], locutions: [], participants: [{ participantID: 1, firstname: "Ada", surname: "" }, { participantID: 2, firstname: "Bob", surname: "Smith" }] };
        moves.forEach((move, index) => {
          const [l, ya, ta] = [`l${index}`, `ya${index}`, `ta${index}`];
          layer.nodes.push({ nodeID: l, type: "L", text: `${move.who} : ${move.said}` }, { nodeID: ya, type: "YA", text: move.act });
          layer.edges.push({ from: { dialogue: l }, to: { dialogue: ya } }, { from: { dialogue: ya }, to: move.anchor });
          layer.locutions.push({ nodeID: l, personID: move.who === "Ada" ? 1 : 2 });
          if (index > 0) {
            layer.nodes.push({ nodeID: ta, type: "TA", text: "Default Transition" });
            layer.edges.push({ from: { dialogue: `l${index - 1}` }, to: { dialogue: ta } }, { from: { dialogue: ta }, to: { dialogue: l } });
          }
        });
        const aif = exported(doc, layer);
        expectArgumentLayerWhole(aif);
        expect(aif.nodes.filter((n) => DIALOGUE.has(n.type))).toHaveLength(layer.nodes.length);
        const back = imported(aif);
        expect(back.warnings).toEqual([]);
        expect(dialogueOf(exported(back.doc, back.dialogue))).toEqual(dialogueOf(aif));
      }),
      { numRuns: 150 },
    );
  });
});
