import { describe, expect, it } from "vitest";
import { applyOp } from "../apply";
import type { Op } from "../ops";
import { emptyDoc, type MapDoc } from "../types";
import { stepCards } from "./stepCards";

function debate(): MapDoc {
  const node = (id: string, kind: "claim" | "support" | "rebuttal", text: string) => ({ type: "addNode", node: { id, kind, text, speaker: id === "r" ? "Prof. Lee" : "", sourceId: null, quote: id === "r" ? "Practice sticks" : "", x: 0, y: 0 } }) as Op;
  const ops: Op[] = [
    node("c", "claim", "Homework should be banned"),
    node("s", "support", "Pupils are exhausted"),
    node("r", "rebuttal", "Practice at home is how skills stick"),
    node("s2", "support", "Family time matters"),
    { type: "addEdge", edge: { id: "e1", from: "s", to: "c", relation: "supports" } },
    { type: "addEdge", edge: { id: "e2", from: "r", to: "c", relation: "rebuts" } },
    { type: "addEdge", edge: { id: "e3", from: "s2", to: "c", relation: "supports" } },
  ];
  return ops.reduce((doc, op) => {
    const result = applyOp(doc, op);
    if (!result.ok) throw new Error(result.error.message);
    return result.doc;
  }, emptyDoc({ title: "Homework" }));
}

const steps = [
  { id: "1", nodeIds: ["c"], notes: "" },
  { id: "2", nodeIds: ["s"], notes: "" },
  { id: "3", nodeIds: ["r"], notes: "" },
  { id: "4", nodeIds: ["s2"], notes: "" },
];

describe("the step as cards", () => {
  it("show the step's node with only the reasons revealed so far", () => {
    const doc = debate();
    expect(stepCards(doc, steps, 0).map((card) => [card.node.id, card.reasonsFor.length, card.reasonsAgainst.length])).toEqual([["c", 0, 0]]);
    const later = stepCards(doc, steps, 2);
    expect(later).toHaveLength(1);
    expect(later[0]!.node).toMatchObject({ id: "r", speaker: "Prof. Lee", quote: "Practice sticks" });
    expect(later[0]!.argues.map((entry) => [entry.relation, entry.node.id])).toEqual([["rebuts", "c"]]);
  });

  it("a claim revisited at the end lists every reason for and against it", () => {
    const doc = debate();
    const revisit = [...steps, { id: "5", nodeIds: ["c"], notes: "" }];
    const [card] = stepCards(doc, revisit, 4);
    expect(card!.reasonsFor.map((node) => node.id)).toEqual(["s", "s2"]);
    expect(card!.reasonsAgainst.map((node) => node.id)).toEqual(["r"]);
  });

  it("an index past the path shows nothing", () => {
    expect(stepCards(debate(), steps, 9)).toEqual([]);
  });
});
