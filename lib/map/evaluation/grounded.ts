/**
 * Grounded labelling (Dung 1995), extended to links as docs/structure.md agrees:
 *
 * - a link carries (in) when its source is in and every undercut aimed at it is out; it is out
 *   when its source is out or some undercut aimed at it is in; an undercut is itself a link whose
 *   source alone decides it (nothing can undercut an undercut in the model; if something did, the
 *   same rule would apply);
 * - a statement is in when every rebuts link into it is out, out when one is in;
 * - an argument also needs every premise link in, and is out when one is out.
 * Supports never change a label (they change strength). Everything else is undecided.
 *
 * The grounded labelling is the least fixed point: start with everything undecided and apply the
 * rules until nothing changes. Each element counts the inputs it still waits for; settling an
 * element visits its dependents once, so a pass is linear in nodes + links. A pass may cover a
 * region only (see region.ts): its elements start undecided and everything outside keeps its label.
 *
 * A person's assumptions ("accept as given", "reject") fix a node's label before the pass starts
 * and stop anything from changing it: what follows from them is the grounded labelling of the
 * map with those nodes decided.
 */
import { LinkType, NodeType, NONE, type EvaluationGraph } from "./graph";
import type { Region } from "./region";

export const UNDECIDED = 0;
export const IN = 1;
export const OUT = 2;
export type LabelCode = typeof UNDECIDED | typeof IN | typeof OUT;
/** "Waits for" value of an element that is out before the pass has passed anything on. */
const DECIDED_OUT = -1;

export class GroundedLabelling {
  nodeLabel = new Uint8Array(0);
  linkLabel = new Uint8Array(0);
  private nodeWaits = new Int32Array(0);
  private linkWaits = new Int32Array(0);
  /** Settled elements still to pass on: a node as its slot, a link as ~slot. */
  private queue = new Int32Array(0);
  private head = 0;
  private tail = 0;

  constructor(
    private readonly graph: EvaluationGraph,
    /** Per node slot: UNDECIDED (no assumption), IN (accepted as given) or OUT (rejected). */
    private readonly assumed: () => Uint8Array,
  ) {}

  /** Labels every element from scratch. */
  labelAll(): void {
    const g = this.graph;
    this.fit();
    const assumed = this.assumed();
    this.nodeLabel.fill(UNDECIDED);
    this.linkLabel.fill(UNDECIDED);
    for (let l = 0; l < g.linkEnd; l++) this.linkWaits[l] = 1 + g.undercutsIn[l]!;
    for (let n = 0; n < g.nodeEnd; n++) {
      if (!g.nodeAlive[n]) continue;
      const fixed = assumed[n]!;
      if (fixed !== UNDECIDED) this.start(n, fixed === OUT ? DECIDED_OUT : 0);
      else this.start(n, g.rebutsIn[n]! + (g.nodeType[n] === NodeType.Argument ? g.premisesIn[n]! : 0));
    }
    this.settleStarts();
    this.propagate();
  }

  /** Relabels the region's elements, reading the labels of everything outside it as they are. */
  labelRegion(region: Region): void {
    const g = this.graph;
    this.fit();
    const assumed = this.assumed();
    for (let i = 0; i < region.nodeCount; i++) this.nodeLabel[region.nodes[i]!] = UNDECIDED;
    for (let i = 0; i < region.linkCount; i++) this.linkLabel[region.links[i]!] = UNDECIDED;
    // First every element's waits, with the whole region undecided; only then does anything settle.
    for (let i = 0; i < region.nodeCount; i++) {
      const n = region.nodes[i]!;
      const fixed = assumed[n]!;
      if (fixed !== UNDECIDED) {
        this.start(n, fixed === OUT ? DECIDED_OUT : 0);
        continue;
      }
      const argument = g.nodeType[n] === NodeType.Argument;
      let waits = 0;
      let out = false;
      for (let l = g.firstIn[n]!; l !== NONE; l = g.nextIn[l]!) {
        const type = g.linkType[l]!;
        const label = this.linkLabel[l]!;
        if (type === LinkType.Rebuts) {
          if (label === IN) out = true;
          else if (label !== OUT) waits++;
        } else if (type === LinkType.Premise && argument) {
          if (label === OUT) out = true;
          else if (label !== IN) waits++;
        }
      }
      this.start(n, out ? DECIDED_OUT : waits);
    }
    for (let i = 0; i < region.linkCount; i++) {
      const l = region.links[i]!;
      const source = this.nodeLabel[g.linkFrom[l]!]!;
      let out = source === OUT;
      let waits = source === IN ? 0 : 1;
      for (let u = g.firstUnder[l]!; u !== NONE; u = g.nextIn[u]!) {
        const label = this.linkLabel[u]!;
        if (label === IN) out = true;
        else if (label !== OUT) waits++;
      }
      this.start(~l, out ? DECIDED_OUT : waits);
    }
    this.settleStarts();
    this.propagate();
  }

  /** Records what an element waits for (DECIDED_OUT: nothing, it is out); queues it if it is decided already. */
  private start(item: number, waits: number): void {
    if (item >= 0) this.nodeWaits[item] = waits;
    else this.linkWaits[~item] = waits;
    if (waits <= 0) this.queue[this.tail++] = item;
  }

  /** Labels the elements decided before anything was passed on. */
  private settleStarts(): void {
    for (let i = 0; i < this.tail; i++) {
      const item = this.queue[i]!;
      if (item >= 0) this.nodeLabel[item] = this.nodeWaits[item] === DECIDED_OUT ? OUT : IN;
      else this.linkLabel[~item] = this.linkWaits[~item] === DECIDED_OUT ? OUT : IN;
    }
  }

  private propagate(): void {
    const g = this.graph;
    const assumed = this.assumed();
    while (this.head < this.tail) {
      const item = this.queue[this.head++]!;
      if (item >= 0) {
        // A node is the requirement of every link leaving it.
        const label = this.nodeLabel[item]!;
        for (let l = g.firstOut[item]!; l !== NONE; l = g.nextOut[l]!) {
          if (this.linkLabel[l] !== UNDECIDED) continue;
          if (label === OUT) this.settleLink(l, OUT);
          else if (--this.linkWaits[l]! === 0) this.settleLink(l, IN);
        }
        continue;
      }
      const l = ~item;
      const label = this.linkLabel[l]!;
      const target = g.linkTo[l]!;
      switch (g.linkType[l]) {
        case LinkType.Rebuts:
          // An attack on a node.
          if (this.nodeLabel[target] !== UNDECIDED || assumed[target] !== UNDECIDED) break;
          if (label === IN) this.settleNode(target, OUT);
          else if (--this.nodeWaits[target]! === 0) this.settleNode(target, IN);
          break;
        case LinkType.Premise:
          // A requirement of an argument (a premise link into a statement means nothing).
          if (this.nodeLabel[target] !== UNDECIDED || assumed[target] !== UNDECIDED || g.nodeType[target] !== NodeType.Argument) break;
          if (label === OUT) this.settleNode(target, OUT);
          else if (--this.nodeWaits[target]! === 0) this.settleNode(target, IN);
          break;
        case LinkType.Undercuts:
          // An attack on a link.
          if (this.linkLabel[target] !== UNDECIDED) break;
          if (label === IN) this.settleLink(target, OUT);
          else if (--this.linkWaits[target]! === 0) this.settleLink(target, IN);
          break;
      }
    }
    this.head = 0;
    this.tail = 0;
  }

  private settleNode(n: number, label: LabelCode): void {
    this.nodeLabel[n] = label;
    this.queue[this.tail++] = n;
  }

  private settleLink(l: number, label: LabelCode): void {
    this.linkLabel[l] = label;
    this.queue[this.tail++] = ~l;
  }

  /** Keeps the arrays as long as the graph's slots; labels of slots already there are kept. */
  private fit(): void {
    const g = this.graph;
    if (this.nodeLabel.length < g.nodeEnd) {
      const size = Math.max(16, g.nodeAlive.length);
      const labels = new Uint8Array(size);
      labels.set(this.nodeLabel);
      this.nodeLabel = labels;
      this.nodeWaits = new Int32Array(size);
    }
    if (this.linkLabel.length < g.linkEnd) {
      const size = Math.max(16, g.linkAlive.length);
      const labels = new Uint8Array(size);
      labels.set(this.linkLabel);
      this.linkLabel = labels;
      this.linkWaits = new Int32Array(size);
    }
    // Each element is queued at most once per pass.
    if (this.queue.length < this.nodeLabel.length + this.linkLabel.length) this.queue = new Int32Array(this.nodeLabel.length + this.linkLabel.length);
  }
}
