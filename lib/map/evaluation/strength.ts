/**
 * Strengths under DF-QuAD (Rago, Toni, Aurisicchio & Baroni, 2016), on the same links as the
 * labels (docs/structure.md):
 *
 *   link      σ(l) = σ(source) · Π (1 − σ(u)) over the undercuts u aimed at it
 *   node      σ(n) = C(τ(n), F(rebuts links in), F(supports links in)),
 *             with F(v₁…vₖ) = 1 − Π(1 − vᵢ) (0 for none), and
 *             C(τ, a, s) = τ − τ·(a − s) when a ≥ s, τ + (1 − τ)·(s − a) otherwise
 *   argument  the same, but never above its weakest premise link
 *
 * τ is the node's base score (0.5 unless set). A node accepted as given is 1, a rejected one 0.
 *
 * On an acyclic map this is exact: elements are computed in topological order (Kahn), each value
 * pushed into its dependents' running products as it is known, so a pass is linear. What is left
 * over sits on or below a cycle; it is iterated (all at once, from the previous round's values)
 * until no value moves by more than TOLERANCE, for at most MAX_ROUNDS rounds (fewer on a huge
 * cycle: CYCLE_WORK bounds a pass). If it still moves, those nodes are marked unsettled and
 * `converged` is false. A pass may cover a region only.
 */
import { LinkType, NodeType, NONE, type EvaluationGraph } from "./graph";
import { IN, OUT, UNDECIDED } from "./grounded";
import type { Region } from "./region";

export const TOLERANCE = 1e-6;
export const MAX_ROUNDS = 200;
/**
 * Element updates one pass may spend on cycles: a map built to cycle forever (anyone with an edit
 * link can make one) costs the server a bounded pass, then says it did not settle.
 */
export const CYCLE_WORK = 2_000_000;

/** DF-QuAD's combination of a base score with the aggregated attack and support. */
export function combine(base: number, attack: number, support: number): number {
  return attack >= support ? base - base * (attack - support) : base + (1 - base) * (support - attack);
}

export class DfQuadStrengths {
  nodeValue = new Float64Array(0);
  linkValue = new Float64Array(0);
  /** Nodes whose value did not settle within MAX_ROUNDS (1), and how many there are. */
  nodeUnsettled = new Uint8Array(0);
  unsettledCount = 0;
  // Per pass: inputs still unknown, and the running products of the known ones.
  private nodeWaits = new Int32Array(0);
  private linkWaits = new Int32Array(0);
  private attackKept = new Float64Array(0);
  private supportKept = new Float64Array(0);
  private premiseCap = new Float64Array(0);
  private sourceValue = new Float64Array(0);
  private undercutKept = new Float64Array(0);
  private queue = new Int32Array(0);
  private nextNode = new Float64Array(0);
  private nextLink = new Float64Array(0);

  constructor(
    private readonly graph: EvaluationGraph,
    private readonly assumed: () => Uint8Array,
  ) {}

  get converged(): boolean {
    return this.unsettledCount === 0;
  }

  /** Recomputes the region's values; values outside it are read as they are. */
  compute(region: Region, whole: boolean): void {
    const g = this.graph;
    this.fit();
    const assumed = this.assumed();
    let tail = 0;
    for (let i = 0; i < region.nodeCount; i++) {
      const n = region.nodes[i]!;
      if (this.nodeUnsettled[n]) {
        this.nodeUnsettled[n] = 0;
        this.unsettledCount--;
      }
      this.attackKept[n] = 1;
      this.supportKept[n] = 1;
      this.premiseCap[n] = 1;
      let waits = 0;
      if (assumed[n] === UNDECIDED) {
        if (whole) waits = g.linksIn[n]!;
        else for (let l = g.firstIn[n]!; l !== NONE; l = g.nextIn[l]!) {
          if (region.hasLink(l)) waits++;
          else this.take(n, l, this.linkValue[l]!);
        }
      }
      this.nodeWaits[n] = waits;
      if (waits === 0) this.queue[tail++] = n;
    }
    for (let i = 0; i < region.linkCount; i++) {
      const l = region.links[i]!;
      this.undercutKept[l] = 1;
      let waits = 0;
      const from = g.linkFrom[l]!;
      if (whole || region.hasNode(from)) waits++;
      else this.sourceValue[l] = this.nodeValue[from]!;
      if (whole) waits += g.undercutsIn[l]!;
      else for (let u = g.firstUnder[l]!; u !== NONE; u = g.nextIn[u]!) {
        if (region.hasLink(u)) waits++;
        else this.undercutKept[l] = this.undercutKept[l]! * (1 - this.linkValue[u]!);
      }
      this.linkWaits[l] = waits;
      if (waits === 0) this.queue[tail++] = ~l;
    }

    // Kahn: an element is computed once every input is known, then passes its value on.
    let resolved = 0;
    for (let head = 0; head < tail; head++) {
      const item = this.queue[head]!;
      resolved++;
      if (item >= 0) {
        const value = this.nodeFrom(item, assumed[item]!);
        this.nodeValue[item] = value;
        for (let l = g.firstOut[item]!; l !== NONE; l = g.nextOut[l]!) {
          this.sourceValue[l] = value;
          if (--this.linkWaits[l]! === 0) this.queue[tail++] = ~l;
        }
        continue;
      }
      const l = ~item;
      const value = this.sourceValue[l]! * this.undercutKept[l]!;
      this.linkValue[l] = value;
      const target = g.linkTo[l]!;
      if (g.linkType[l] === LinkType.Undercuts) {
        this.undercutKept[target] = this.undercutKept[target]! * (1 - value);
        if (--this.linkWaits[target]! === 0) this.queue[tail++] = ~target;
      } else if (assumed[target] === UNDECIDED) {
        this.take(target, l, value);
        if (--this.nodeWaits[target]! === 0) this.queue[tail++] = target;
      }
    }
    if (resolved < region.nodeCount + region.linkCount) this.iterateCycles(region);
  }

  /** Folds one known link into the running products of the node it points at. */
  private take(n: number, l: number, value: number): void {
    switch (this.graph.linkType[l]) {
      case LinkType.Rebuts:
        this.attackKept[n] = this.attackKept[n]! * (1 - value);
        break;
      case LinkType.Supports:
        this.supportKept[n] = this.supportKept[n]! * (1 - value);
        break;
      case LinkType.Premise:
        if (value < this.premiseCap[n]!) this.premiseCap[n] = value;
        break;
    }
  }

  private nodeFrom(n: number, assumption: number): number {
    if (assumption === IN) return 1;
    if (assumption === OUT) return 0;
    const value = combine(this.graph.baseScore[n]!, 1 - this.attackKept[n]!, 1 - this.supportKept[n]!);
    return this.graph.nodeType[n] === NodeType.Argument ? Math.min(value, this.premiseCap[n]!) : value;
  }

  /**
   * What Kahn could not order (waits > 0): iterated from base scores, every element from the
   * previous round's values of its inputs, until they stop moving.
   */
  private iterateCycles(region: Region): void {
    const g = this.graph;
    const assumed = this.assumed();
    const nodes: number[] = [];
    const links: number[] = [];
    for (let i = 0; i < region.nodeCount; i++) {
      const n = region.nodes[i]!;
      if (this.nodeWaits[n]! > 0) {
        nodes.push(n);
        this.nodeValue[n] = g.baseScore[n]!;
      }
    }
    for (let i = 0; i < region.linkCount; i++) {
      const l = region.links[i]!;
      if (this.linkWaits[l]! > 0) links.push(l);
    }
    for (const l of links) this.linkValue[l] = this.nodeValue[g.linkFrom[l]!]!;
    const rounds = Math.min(MAX_ROUNDS, Math.max(20, Math.floor(CYCLE_WORK / (nodes.length + links.length))));
    for (let round = 0; round < rounds; round++) {
      let moved = 0;
      for (const l of links) {
        let kept = 1;
        for (let u = g.firstUnder[l]!; u !== NONE; u = g.nextIn[u]!) kept *= 1 - this.linkValue[u]!;
        this.nextLink[l] = this.nodeValue[g.linkFrom[l]!]! * kept;
      }
      // Links take their sources' values at once, so a round carries a node's value to the next node.
      for (const l of links) {
        moved = Math.max(moved, Math.abs(this.nextLink[l]! - this.linkValue[l]!));
        this.linkValue[l] = this.nextLink[l]!;
      }
      for (const n of nodes) {
        this.attackKept[n] = 1;
        this.supportKept[n] = 1;
        this.premiseCap[n] = 1;
        for (let l = g.firstIn[n]!; l !== NONE; l = g.nextIn[l]!) this.take(n, l, this.linkValue[l]!);
        this.nextNode[n] = this.nodeFrom(n, assumed[n]!);
      }
      for (const n of nodes) {
        moved = Math.max(moved, Math.abs(this.nextNode[n]! - this.nodeValue[n]!));
        this.nodeValue[n] = this.nextNode[n]!;
      }
      if (moved <= TOLERANCE) return;
    }
    for (const n of nodes) {
      this.nodeUnsettled[n] = 1;
      this.unsettledCount++;
    }
  }

  private fit(): void {
    const g = this.graph;
    if (this.nodeValue.length < g.nodeEnd) {
      const size = Math.max(16, g.nodeAlive.length);
      this.nodeValue = keep(this.nodeValue, new Float64Array(size));
      this.nodeUnsettled = keep(this.nodeUnsettled, new Uint8Array(size));
      this.nodeWaits = new Int32Array(size);
      this.attackKept = new Float64Array(size);
      this.supportKept = new Float64Array(size);
      this.premiseCap = new Float64Array(size);
      this.nextNode = new Float64Array(size);
    }
    if (this.linkValue.length < g.linkEnd) {
      const size = Math.max(16, g.linkAlive.length);
      this.linkValue = keep(this.linkValue, new Float64Array(size));
      this.linkWaits = new Int32Array(size);
      this.sourceValue = new Float64Array(size);
      this.undercutKept = new Float64Array(size);
      this.nextLink = new Float64Array(size);
    }
    if (this.queue.length < this.nodeValue.length + this.linkValue.length) this.queue = new Int32Array(this.nodeValue.length + this.linkValue.length);
  }
}

function keep<T extends Float64Array | Uint8Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
