/**
 * The map as the evaluation walks it: nodes and links in numbered slots, their facts in typed
 * arrays, and each adjacency list threaded through the links themselves (every link is on the
 * "out" list of its source and on the "in" list of its target, both doubly linked). Adding or
 * removing a link is O(1), so an edit never rebuilds the graph, and a labelling pass is a few
 * tight loops over flat arrays: no string hashing, no per-node objects.
 *
 * A link's target is a node, except for an undercut, whose target is the link it attacks: an
 * undercut sits on that link's own "in" list (`firstIn` of links).
 */
import type { EvaluatedLink, EvaluatedNode } from "./input";

// Plain numbers rather than enums: the passes compare them in their innermost loops.
export const NodeType = { Statement: 0, Argument: 1 } as const;
export type NodeType = (typeof NodeType)[keyof typeof NodeType];

export const LinkType = { Supports: 0, Rebuts: 1, Premise: 2, Undercuts: 3 } as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

export const NONE = -1;

/** Told about each link a removal takes out: its id, what it pointed at (a slot) and its type. */
export type LinkRemoved = (id: string, target: number, type: LinkType) => void;

const LINK_TYPE: Record<EvaluatedLink["relation"], LinkType> = {
  supports: LinkType.Supports,
  rebuts: LinkType.Rebuts,
  premise: LinkType.Premise,
  undercuts: LinkType.Undercuts,
};

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, size: number, fill?: number): T {
  const next = new (array.constructor as new (length: number) => T)(size);
  next.set(array);
  if (fill !== undefined) next.fill(fill, array.length);
  return next;
}

export class EvaluationGraph {
  // Nodes, by slot.
  readonly nodeSlot = new Map<string, number>();
  nodeId: (string | undefined)[] = [];
  nodeAlive = new Uint8Array(16);
  nodeType = new Uint8Array(16);
  baseScore = new Float64Array(16);
  firstOut = new Int32Array(16).fill(NONE);
  firstIn = new Int32Array(16).fill(NONE);
  /** Links in by type, kept as edits happen, so a full pass needs no counting walk. */
  rebutsIn = new Int32Array(16);
  premisesIn = new Int32Array(16);
  linksIn = new Int32Array(16);
  /** One past the highest slot ever used: passes loop to here. */
  nodeEnd = 0;
  private readonly freeNodes: number[] = [];

  // Links, by slot.
  readonly linkSlot = new Map<string, number>();
  linkId: (string | undefined)[] = [];
  linkAlive = new Uint8Array(16);
  linkType = new Uint8Array(16);
  linkFrom = new Int32Array(16);
  linkTo = new Int32Array(16);
  nextOut = new Int32Array(16);
  prevOut = new Int32Array(16);
  nextIn = new Int32Array(16);
  prevIn = new Int32Array(16);
  /** For a link: the first undercut aimed at it, and how many there are. */
  firstUnder = new Int32Array(16).fill(NONE);
  undercutsIn = new Int32Array(16);
  linkEnd = 0;
  private readonly freeLinks: number[] = [];

  nodeCount = 0;
  linkCount = 0;

  /** Adds the node, or updates its kind and base score; says whether anything changed. */
  putNode(node: EvaluatedNode, score: number): { slot: number; changed: boolean } {
    const type = node.kind === "argument" ? NodeType.Argument : NodeType.Statement;
    const existing = this.nodeSlot.get(node.id);
    if (existing !== undefined) {
      const changed = this.nodeType[existing] !== type || this.baseScore[existing] !== score;
      this.nodeType[existing] = type;
      this.baseScore[existing] = score;
      return { slot: existing, changed };
    }
    const slot = this.freeNodes.pop() ?? this.nodeEnd++;
    if (slot >= this.nodeAlive.length) this.growNodes(Math.max(16, this.nodeAlive.length * 2));
    this.nodeSlot.set(node.id, slot);
    this.nodeId[slot] = node.id;
    this.nodeAlive[slot] = 1;
    this.nodeType[slot] = type;
    this.baseScore[slot] = score;
    this.firstOut[slot] = NONE;
    this.firstIn[slot] = NONE;
    this.rebutsIn[slot] = 0;
    this.premisesIn[slot] = 0;
    this.linksIn[slot] = 0;
    this.nodeCount++;
    return { slot, changed: true };
  }

  /**
   * Adds a link between existing ends and returns its slot, or NONE when an end is missing (or it
   * would link a link to itself): such a link cannot bear on anything, so it is left out.
   */
  addLink(link: EvaluatedLink): number {
    const type = LINK_TYPE[link.relation];
    const from = this.nodeSlot.get(link.from);
    const to = type === LinkType.Undercuts ? this.linkSlot.get(link.to) : this.nodeSlot.get(link.to);
    if (from === undefined || to === undefined || this.linkSlot.has(link.id)) return NONE;
    const slot = this.freeLinks.pop() ?? this.linkEnd++;
    if (slot >= this.linkAlive.length) this.growLinks(Math.max(16, this.linkAlive.length * 2));
    this.linkSlot.set(link.id, slot);
    this.linkId[slot] = link.id;
    this.linkAlive[slot] = 1;
    this.linkType[slot] = type;
    this.linkFrom[slot] = from;
    this.linkTo[slot] = to;
    this.firstUnder[slot] = NONE;
    this.undercutsIn[slot] = 0;
    // Onto the head of the source's out list...
    this.prevOut[slot] = NONE;
    this.nextOut[slot] = this.firstOut[from]!;
    if (this.firstOut[from]! !== NONE) this.prevOut[this.firstOut[from]!] = slot;
    this.firstOut[from] = slot;
    // ...and of the target's in list.
    const heads = type === LinkType.Undercuts ? this.firstUnder : this.firstIn;
    this.prevIn[slot] = NONE;
    this.nextIn[slot] = heads[to]!;
    if (heads[to]! !== NONE) this.prevIn[heads[to]!] = slot;
    heads[to] = slot;
    this.count(slot, 1);
    this.linkCount++;
    return slot;
  }

  /** Removes the link and every undercut aimed at it (they attack nothing once it is gone). Calls `removed` for each. */
  removeLink(slot: number, removed?: LinkRemoved): void {
    if (!this.linkAlive[slot]) return;
    while (this.firstUnder[slot]! !== NONE) this.removeLink(this.firstUnder[slot]!, removed);
    const type = this.linkType[slot]! as LinkType;
    const from = this.linkFrom[slot]!;
    const to = this.linkTo[slot]!;
    const [next, prev] = [this.nextOut[slot]!, this.prevOut[slot]!];
    if (prev !== NONE) this.nextOut[prev] = next;
    else this.firstOut[from] = next;
    if (next !== NONE) this.prevOut[next] = prev;
    const heads = type === LinkType.Undercuts ? this.firstUnder : this.firstIn;
    const [nextIn, prevIn] = [this.nextIn[slot]!, this.prevIn[slot]!];
    if (prevIn !== NONE) this.nextIn[prevIn] = nextIn;
    else heads[to] = nextIn;
    if (nextIn !== NONE) this.prevIn[nextIn] = prevIn;
    this.count(slot, -1);
    const id = this.linkId[slot]!;
    this.linkAlive[slot] = 0;
    this.linkSlot.delete(id);
    this.linkId[slot] = undefined;
    this.freeLinks.push(slot);
    this.linkCount--;
    removed?.(id, to, type);
  }

  /** Removes the node with every link into or out of it (and the undercuts on those). */
  removeNode(slot: number, removed?: LinkRemoved): void {
    if (!this.nodeAlive[slot]) return;
    while (this.firstOut[slot]! !== NONE) this.removeLink(this.firstOut[slot]!, removed);
    while (this.firstIn[slot]! !== NONE) this.removeLink(this.firstIn[slot]!, removed);
    this.nodeAlive[slot] = 0;
    this.nodeSlot.delete(this.nodeId[slot]!);
    this.nodeId[slot] = undefined;
    this.freeNodes.push(slot);
    this.nodeCount--;
  }

  /**
   * Brings the link in line with `link` where that needs no move: a change between supports,
   * rebuts and premise keeps it on the same lists (and keeps the undercuts aimed at it). Returns
   * false when the ends differ or it turns into or out of an undercut: then it must be re-added.
   */
  retypeLink(slot: number, link: EvaluatedLink): boolean {
    const type = LINK_TYPE[link.relation];
    const current = this.linkType[slot]!;
    if (current === type) return this.linkMatches(slot, link);
    if (type === LinkType.Undercuts || current === LinkType.Undercuts) return false;
    if (this.nodeId[this.linkFrom[slot]!] !== link.from || this.nodeId[this.linkTo[slot]!] !== link.to) return false;
    this.count(slot, -1);
    this.linkType[slot] = type;
    this.count(slot, 1);
    return true;
  }

  /** Whether the link still says what `link` says (same ends, same relation). */
  linkMatches(slot: number, link: EvaluatedLink): boolean {
    const type = LINK_TYPE[link.relation];
    const to = type === LinkType.Undercuts ? this.linkId[this.linkTo[slot]!] : this.nodeId[this.linkTo[slot]!];
    return this.linkType[slot] === type && this.nodeId[this.linkFrom[slot]!] === link.from && to === link.to;
  }

  private count(slot: number, by: number): void {
    const to = this.linkTo[slot]!;
    switch (this.linkType[slot]! as LinkType) {
      case LinkType.Undercuts:
        this.undercutsIn[to] = this.undercutsIn[to]! + by;
        return;
      case LinkType.Rebuts:
        this.rebutsIn[to] = this.rebutsIn[to]! + by;
        break;
      case LinkType.Premise:
        this.premisesIn[to] = this.premisesIn[to]! + by;
        break;
      case LinkType.Supports:
        break;
    }
    this.linksIn[to] = this.linksIn[to]! + by;
  }

  private growNodes(size: number): void {
    this.nodeAlive = grown(this.nodeAlive, size);
    this.nodeType = grown(this.nodeType, size);
    this.baseScore = grown(this.baseScore, size);
    this.firstOut = grown(this.firstOut, size, NONE);
    this.firstIn = grown(this.firstIn, size, NONE);
    this.rebutsIn = grown(this.rebutsIn, size);
    this.premisesIn = grown(this.premisesIn, size);
    this.linksIn = grown(this.linksIn, size);
  }

  private growLinks(size: number): void {
    this.linkAlive = grown(this.linkAlive, size);
    this.linkType = grown(this.linkType, size);
    this.linkFrom = grown(this.linkFrom, size);
    this.linkTo = grown(this.linkTo, size);
    this.nextOut = grown(this.nextOut, size);
    this.prevOut = grown(this.prevOut, size);
    this.nextIn = grown(this.nextIn, size);
    this.prevIn = grown(this.prevIn, size);
    this.firstUnder = grown(this.firstUnder, size, NONE);
    this.undercutsIn = grown(this.undercutsIn, size);
  }
}
