import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluationMapArb } from "../testing/evaluationArb";
import { Evaluator } from "./evaluator";
import type { Assumption, EvaluatedLink } from "./input";
import { explain, explainer, nameOf, type NamedNode } from "./why";

const node = (id: string, text: string, speaker = "", kind: NamedNode["kind"] = "claim"): NamedNode => ({ id, kind, text, speaker });
const link = (from: string, relation: EvaluatedLink["relation"], to: string): EvaluatedLink => ({ id: `${from}-${relation}-${to}`, from, to, relation });

function whyOf(nodes: NamedNode[], links: EvaluatedLink[], id: string, assumptions?: Map<string, Assumption>) {
  const map = { nodes: Object.fromEntries(nodes.map((n) => [n.id, n])), edges: Object.fromEntries(links.map((l) => [l.id, l])) };
  const evaluator = new Evaluator();
  if (assumptions) evaluator.setAssumptions(assumptions);
  evaluator.update(map);
  return explain(evaluator, map.nodes, id)!;
}

const claim = node("c", "Alibaba Cloud in the US is a security risk", "Condoleezza Rice");
const noEvidence = node("r", "No evidence of any data ever reaching Beijing", "Fu Liang", "rebuttal");
const law = node("q", "China's 2017 law obliges firms to help intelligence work", "", "rebuttal");

describe("why a node has its label", () => {
  it("names a node by its speaker and first words", () => {
    expect(nameOf(noEvidence)).toBe("Fu Liang’s “No evidence of any data ever …”");
    expect(nameOf(node("x", "Short one"))).toBe("“Short one”");
    expect(nameOf(node("x", "   "))).toBe("(no text)");
  });

  it("defeated: names the accepted rebuttal and why it stands, and chains to it", () => {
    const why = whyOf([claim, noEvidence], [link("r", "rebuts", "c")], "c");
    expect(why).toEqual({
      label: "defeated",
      text: "Defeated: rebutted by Fu Liang’s “No evidence of any data ever …”, which nothing rebuts.",
      chain: ["c", "r"],
    });
  });

  it("accepted: nothing rebuts it", () => {
    expect(whyOf([claim], [], "c")).toEqual({ label: "accepted", text: "Accepted: nothing rebuts it.", chain: ["c"] });
  });

  it("accepted again: its only rebuttal is defeated, by whom, and the chain runs down to it", () => {
    const why = whyOf([claim, noEvidence, law], [link("r", "rebuts", "c"), link("q", "rebuts", "r")], "c");
    expect(why.text).toBe("Accepted: its only rebuttal, Fu Liang’s “No evidence of any data ever …”, is defeated (rebutted by “China's 2017 law obliges firms to …”).");
    expect(why.chain).toEqual(["c", "r", "q"]);
  });

  it("accepted: a rebuttal that an undercut stops from carrying", () => {
    const attack = link("r", "rebuts", "c");
    const undercut: EvaluatedLink = { id: "u-cut", from: "q", to: attack.id, relation: "undercuts" };
    const why = whyOf([claim, noEvidence, law], [attack, undercut], "c");
    expect(why.text).toBe("Accepted: its only rebuttal, Fu Liang’s “No evidence of any data ever …”, does not carry: “China's 2017 law obliges firms to …” undercuts it.");
    expect(why.chain).toEqual(["c", "q"]);
  });

  it("undecided: two nodes rebutting each other", () => {
    const why = whyOf([claim, noEvidence], [link("r", "rebuts", "c"), link("c", "rebuts", "r")], "c");
    expect(why.text).toBe("Undecided: it and Fu Liang’s “No evidence of any data ever …” rebut each other, and nothing else settles which stands.");
    expect(why.chain).toEqual(["c", "r"]);
  });

  it("undecided: a longer cycle, and a node below one", () => {
    const nodes = [node("a", "A"), node("b", "B"), node("d", "D"), node("x", "X")];
    const links = [link("a", "rebuts", "b"), link("b", "rebuts", "d"), link("d", "rebuts", "a"), link("a", "rebuts", "x")];
    expect(whyOf(nodes, links, "a").text).toBe("Undecided: rebutted by “D”, in a cycle of 3 rebuttals that nothing outside it settles.");
    expect(whyOf(nodes, links, "x")).toEqual({ label: "undecided", text: "Undecided: rebutted by “A”, which is itself undecided.", chain: ["x", "a", "d", "b"] });
  });

  it("defeated: an argument whose premise is defeated", () => {
    const nodes = [node("A", "The cloud deal", "", "argument"), node("p1", "Data is stored in the US"), node("p2", "Staff in China cannot reach it"), law];
    const links = [link("p1", "premise", "A"), link("p2", "premise", "A"), link("q", "rebuts", "p2")];
    const why = whyOf(nodes, links, "A");
    expect(why.text).toBe("Defeated: its premise “Staff in China cannot reach it” is defeated, so the argument does not carry.");
    expect(why.chain).toEqual(["A", "p2", "q"]);
  });

  it("says when an assumption decides, as the reader's own view", () => {
    expect(whyOf([claim, noEvidence], [link("r", "rebuts", "c")], "c", new Map([["c", "accept"]])).text).toBe("Accepted: you accept it as given (your view only).");
    const rejected = whyOf([claim, noEvidence], [link("r", "rebuts", "c")], "c", new Map([["r", "reject"]]));
    expect(rejected.text).toBe("Accepted: its only rebuttal, Fu Liang’s “No evidence of any data ever …”, is defeated (you reject it).");
  });
});

describe("explaining a whole map at once", () => {
  it("says for every node what explaining it alone says", () => {
    fc.assert(
      fc.property(evaluationMapArb({ maxNodes: 8, maxLinks: 14, selfAttacks: true }), (map) => {
        const nodes = Object.fromEntries(Object.values(map.nodes).map((n) => [n.id, { ...n, text: `text ${n.id}`, speaker: "" }]));
        const evaluator = new Evaluator();
        evaluator.update(map);
        const all = explainer(evaluator, nodes);
        for (const id of Object.keys(nodes)) expect(all(id)).toEqual(explain(evaluator, nodes, id));
      }),
      { numRuns: 200 },
    );
  });
});
