/**
 * Why a node has its label, in one line, with the chain of nodes that line rests on:
 * "Defeated: rebutted by Fu Liang’s “No evidence …”, which nothing rebuts."
 *
 * Each label has a deciding input: a defeated node, the accepted attack that defeats it (or its
 * defeated premise); an accepted node, the defeat of its attacks (or nothing attacking it); an
 * undecided node, an undecided attack or premise. The chain follows deciding inputs from the node
 * until it reaches a node nothing decides (unattacked), one already in the chain (a cycle), or
 * CHAIN_LIMIT nodes. Explanations are computed on demand, one node at a time.
 */
import { LinkType, NodeType, NONE } from "./graph";
import { IN, OUT, UNDECIDED } from "./grounded";
import type { Evaluator } from "./evaluator";
import type { EvaluatedNode, Label } from "./input";

/** A node as the explanation names it. */
export interface NamedNode extends EvaluatedNode {
  text: string;
  speaker: string;
}

export interface Why {
  label: Label;
  /** One line, starting with the label in words. */
  text: string;
  /** Node ids, from the explained node along its deciding inputs. */
  chain: string[];
}

export const CHAIN_LIMIT = 8;
const WORDS = 6;

/** A node the way a sentence names it: Fu Liang’s “No evidence that …”. */
export function nameOf(node: NamedNode | undefined): string {
  if (!node) return "a node no longer in the map";
  const words = node.text.trim().split(/\s+/).filter(Boolean);
  const quoted = words.length === 0 ? "(no text)" : `“${words.slice(0, WORDS).join(" ")}${words.length > WORDS ? " …" : ""}”`;
  const speaker = node.speaker.trim();
  return speaker ? `${speaker}’s ${quoted}` : quoted;
}

/** The explanation of one node's label, or undefined for a node the evaluation does not have. */
export function explain(evaluator: Evaluator, nodes: Readonly<Record<string, NamedNode>>, nodeId: string): Why | undefined {
  return explainer(evaluator, nodes)(nodeId);
}

/**
 * Explains node after node of one evaluation (as it is now), reading each node's links once:
 * explaining every node of a map costs about one pass over it, even where many chains run through
 * a node with thousands of links.
 */
export function explainer(evaluator: Evaluator, nodes: Readonly<Record<string, NamedNode>>): (nodeId: string) => Why | undefined {
  const reader = new Reader(evaluator, nodes);
  return (nodeId) => {
    const slot = evaluator.graph.nodeSlot.get(nodeId);
    if (slot === undefined) return undefined;
    const chain = [nodeId];
    const seen = new Set([slot]);
    for (let at = reader.decidingNode(slot); at !== NONE && !seen.has(at) && chain.length < CHAIN_LIMIT; at = reader.decidingNode(at)) {
      seen.add(at);
      chain.push(evaluator.graph.nodeId[at]!);
    }
    return { label: evaluator.labelOf(nodeId)!, text: reader.sentence(slot), chain };
  };
}

class Reader {
  /** Answers of the list walks below, by node (or link) and question: each list is walked once. */
  private readonly memo = new Map<number, number>();
  private readonly g;
  private readonly labels;

  constructor(
    private readonly evaluator: Evaluator,
    private readonly nodes: Readonly<Record<string, NamedNode>>,
  ) {
    this.g = evaluator.graph;
    this.labels = evaluator.labels;
  }

  sentence(n: number): string {
    const assumption = this.evaluator.assumptionOf(this.g.nodeId[n]!);
    if (assumption === "accept") return "Accepted: you accept it as given (your view only).";
    if (assumption === "reject") return "Defeated: you reject it (your view only).";
    const label = this.labels.nodeLabel[n];
    if (label === IN) return `Accepted: ${this.whyAccepted(n)}.`;
    if (label === OUT) return `Defeated: ${this.whyDefeated(n)}.`;
    return `Undecided: ${this.whyUndecided(n)}.`;
  }

  /** The node the explanation of `n` turns on next, or NONE. */
  decidingNode(n: number): number {
    return this.remember(n, 0, () => this.findDecidingNode(n));
  }

  private findDecidingNode(n: number): number {
    const g = this.g;
    if (this.evaluator.assumptionOf(g.nodeId[n]!)) return NONE;
    const label = this.labels.nodeLabel[n];
    if (label === OUT) {
      const attack = this.firstRebuttal(n, IN);
      if (attack !== NONE) return g.linkFrom[attack]!;
      const premise = this.firstPremise(n, OUT);
      return premise === NONE ? NONE : g.linkFrom[premise]!;
    }
    if (label === IN) {
      const attack = this.firstRebuttal(n, OUT);
      if (attack === NONE) return NONE;
      const undercut = this.firstUndercut(attack, IN);
      return undercut !== NONE ? g.linkFrom[undercut]! : g.linkFrom[attack]!;
    }
    const attack = this.firstRebuttal(n, UNDECIDED);
    if (attack !== NONE) {
      const source = g.linkFrom[attack]!;
      if (this.labels.nodeLabel[source] !== IN) return source;
      const undercut = this.firstUndercut(attack, UNDECIDED);
      return undercut === NONE ? NONE : g.linkFrom[undercut]!;
    }
    const premise = this.firstPremise(n, UNDECIDED);
    return premise === NONE ? NONE : g.linkFrom[premise]!;
  }

  private whyAccepted(n: number): string {
    const g = this.g;
    const rebuttals = this.count(n, LinkType.Rebuts);
    const premises = g.nodeType[n] === NodeType.Argument ? this.count(n, LinkType.Premise) : 0;
    const premisePart = premises === 0 ? "" : premises === 1 ? `its premise ${this.name(g.linkFrom[this.firstPremise(n, IN)]!)} is accepted and ` : `its ${premises} premises are all accepted and `;
    if (rebuttals === 0) return `${premisePart}nothing rebuts it`;
    const attack = this.firstRebuttal(n, OUT);
    const source = g.linkFrom[attack]!;
    const undercut = this.firstUndercut(attack, IN);
    const how = undercut !== NONE ? `does not carry: ${this.name(g.linkFrom[undercut]!)} undercuts it` : `is defeated${this.defeatedBy(source)}`;
    if (rebuttals === 1) return `${premisePart}its only rebuttal, ${this.name(source)}, ${how}`;
    return `${premisePart}all ${rebuttals} of its rebuttals are defeated; for one, ${this.name(source)} ${how}`;
  }

  private whyDefeated(n: number): string {
    const g = this.g;
    const attack = this.firstRebuttal(n, IN);
    if (attack !== NONE) {
      const source = g.linkFrom[attack]!;
      return `rebutted by ${this.name(source)}, ${this.standing(source)}`;
    }
    const premise = this.firstPremise(n, OUT);
    return `its premise ${this.name(g.linkFrom[premise]!)} is defeated, so the argument does not carry`;
  }

  private whyUndecided(n: number): string {
    const g = this.g;
    const attack = this.firstRebuttal(n, UNDECIDED);
    if (attack !== NONE) {
      const source = g.linkFrom[attack]!;
      if (source === n) return "it rebuts itself";
      if (this.labels.nodeLabel[source] === IN) {
        return `rebutted by ${this.name(source)}, but an undercut of that rebuttal is itself undecided`;
      }
      const cycle = this.cycleThrough(n, source);
      if (cycle === 2) return `it and ${this.name(source)} rebut each other, and nothing else settles which stands`;
      if (cycle > 2) return `rebutted by ${this.name(source)}, in a cycle of ${cycle} rebuttals that nothing outside it settles`;
      return `rebutted by ${this.name(source)}, which is itself undecided`;
    }
    const premise = this.firstPremise(n, UNDECIDED);
    return `its premise ${this.name(g.linkFrom[premise]!)} is undecided`;
  }

  /** ", which nothing rebuts" and the like: why an accepted attacker stands. */
  private standing(source: number): string {
    const g = this.g;
    if (this.evaluator.assumptionOf(g.nodeId[source]!) === "accept") return "which you accept as given";
    const rebuttals = this.count(source, LinkType.Rebuts);
    const premises = g.nodeType[source] === NodeType.Argument ? this.count(source, LinkType.Premise) : 0;
    const premisePart = premises > 0 ? "whose premises are all accepted" : "";
    if (rebuttals === 0) return premisePart ? `${premisePart} and which nothing rebuts` : "which nothing rebuts";
    const defeated = rebuttals === 1 ? "whose only rebuttal is defeated" : `whose ${rebuttals} rebuttals are all defeated`;
    return premisePart ? `${premisePart} and ${defeated}` : defeated;
  }

  /** " by Rice’s “…”" when one accepted attack defeats `n`; "" otherwise. */
  private defeatedBy(n: number): string {
    const attack = this.firstRebuttal(n, IN);
    if (attack !== NONE) return ` (rebutted by ${this.name(this.g.linkFrom[attack]!)})`;
    if (this.evaluator.assumptionOf(this.g.nodeId[n]!) === "reject") return " (you reject it)";
    const premise = this.firstPremise(n, OUT);
    return premise === NONE ? "" : ` (its premise ${this.name(this.g.linkFrom[premise]!)} is defeated)`;
  }

  /** The length of the cycle of undecided rebuttals from `from` back to `n`, or 0 if it does not come back. */
  private cycleThrough(n: number, from: number): number {
    const seen = new Set<number>();
    let length = 1;
    for (let at = from; at !== NONE && !seen.has(at) && length <= 64; length++) {
      if (at === n) return length;
      seen.add(at);
      const attack = this.firstRebuttal(at, UNDECIDED);
      at = attack === NONE ? NONE : this.g.linkFrom[attack]!;
    }
    return 0;
  }

  private remember(slot: number, question: number, answer: () => number): number {
    const key = slot * 32 + question;
    let value = this.memo.get(key);
    if (value === undefined) this.memo.set(key, (value = answer()));
    return value;
  }

  private count(n: number, type: LinkType): number {
    return this.remember(n, 1 + type, () => this.countIn(n, type));
  }

  private countIn(n: number, type: LinkType): number {
    let count = 0;
    for (let l = this.g.firstIn[n]!; l !== NONE; l = this.g.nextIn[l]!) if (this.g.linkType[l] === type) count++;
    return count;
  }

  /** The first rebuts link into `n` with this label (links are read in the map's order). */
  private firstRebuttal(n: number, label: number): number {
    return this.firstIn(n, LinkType.Rebuts, label);
  }

  private firstPremise(n: number, label: number): number {
    return this.g.nodeType[n] === NodeType.Argument ? this.firstIn(n, LinkType.Premise, label) : NONE;
  }

  private firstIn(n: number, type: LinkType, label: number): number {
    return this.remember(n, 8 + type * 3 + label, () => this.findFirstIn(n, type, label));
  }

  private findFirstIn(n: number, type: LinkType, label: number): number {
    let found = NONE;
    // The in list holds the newest link first: the last match is the oldest link.
    for (let l = this.g.firstIn[n]!; l !== NONE; l = this.g.nextIn[l]!) {
      if (this.g.linkType[l] === type && this.labels.linkLabel[l] === label) found = l;
    }
    return found;
  }

  private firstUndercut(link: number, label: number): number {
    // Links and nodes share the memo: a link's questions are numbered past the nodes'.
    return this.remember(link, 20 + label, () => this.findFirstUndercut(link, label));
  }

  private findFirstUndercut(link: number, label: number): number {
    let found = NONE;
    for (let u = this.g.firstUnder[link]!; u !== NONE; u = this.g.nextIn[u]!) if (this.labels.linkLabel[u] === label) found = u;
    return found;
  }

  private name(n: number): string {
    const id = this.g.nodeId[n]!;
    return nameOf(Object.hasOwn(this.nodes, id) ? this.nodes[id] : undefined);
  }
}
