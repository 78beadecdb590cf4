/**
 * The part of the map an edit can change: the elements it touched and everything downstream of
 * them. A node's label and strength depend only on what points into it (its links, their sources,
 * the undercuts on those links, and so on up), so nothing outside this region can change, and the
 * passes recompute only the region, reading everything else as it is.
 *
 * Downstream: a node → the links leaving it; a link → what it points at (a node, or for an
 * undercut, the link it attacks).
 */
import { LinkType, NONE, type EvaluationGraph } from "./graph";

function grownInt(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

export class Region {
  nodes = new Int32Array(16);
  links = new Int32Array(16);
  nodeCount = 0;
  linkCount = 0;
  /** `nodeStamp[slot] === epoch` marks a member; a new region is one increment away. */
  nodeStamp = new Int32Array(16);
  linkStamp = new Int32Array(16);
  epoch = 0;

  /** Every live node and link of the graph (a full pass). */
  everything(graph: EvaluationGraph): this {
    this.start(graph);
    for (let n = 0; n < graph.nodeEnd; n++) if (graph.nodeAlive[n]) this.addNode(n);
    for (let l = 0; l < graph.linkEnd; l++) if (graph.linkAlive[l]) this.addLink(l);
    return this;
  }

  /** The seeds and everything downstream of them. */
  downstreamOf(graph: EvaluationGraph, seedNodes: Iterable<number>, seedLinks: Iterable<number>): this {
    this.start(graph);
    for (const n of seedNodes) if (graph.nodeAlive[n]) this.addNode(n);
    for (const l of seedLinks) if (graph.linkAlive[l]) this.addLink(l);
    // Both lists grow while they are walked: a breadth-first closure without a separate queue.
    let n = 0;
    let l = 0;
    while (n < this.nodeCount || l < this.linkCount) {
      for (; n < this.nodeCount; n++) {
        for (let link = graph.firstOut[this.nodes[n]!]!; link !== NONE; link = graph.nextOut[link]!) this.addLink(link);
      }
      for (; l < this.linkCount; l++) {
        const link = this.links[l]!;
        if (graph.linkType[link] === LinkType.Undercuts) this.addLink(graph.linkTo[link]!);
        else this.addNode(graph.linkTo[link]!);
      }
    }
    return this;
  }

  hasNode(slot: number): boolean {
    return this.nodeStamp[slot] === this.epoch;
  }

  hasLink(slot: number): boolean {
    return this.linkStamp[slot] === this.epoch;
  }

  private start(graph: EvaluationGraph): void {
    if (this.nodeStamp.length < graph.nodeEnd) this.nodeStamp = grownInt(this.nodeStamp, graph.nodeEnd);
    if (this.linkStamp.length < graph.linkEnd) this.linkStamp = grownInt(this.linkStamp, graph.linkEnd);
    if (this.nodes.length < graph.nodeCount) this.nodes = grownInt(this.nodes, graph.nodeCount);
    if (this.links.length < graph.linkCount) this.links = grownInt(this.links, graph.linkCount);
    this.nodeCount = 0;
    this.linkCount = 0;
    this.epoch++;
  }

  private addNode(slot: number): void {
    if (this.nodeStamp[slot] === this.epoch) return;
    this.nodeStamp[slot] = this.epoch;
    this.nodes[this.nodeCount++] = slot;
  }

  private addLink(slot: number): void {
    if (this.linkStamp[slot] === this.epoch) return;
    this.linkStamp[slot] = this.epoch;
    this.links[this.linkCount++] = slot;
  }
}
