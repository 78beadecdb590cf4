/**
 * A live evaluation of one map: keeps its graph, labels and strengths, and brings them up to date
 * with each new version of the map, recomputing only what an edit can change (region.ts). Made for
 * a client that sees the map change op by op; a one-off evaluation is `evaluateMap` (report.ts).
 *
 * `update(map)` finds what changed by comparing records by identity with the map it saw last (ops
 * replace only the records they touch). Only kinds, base scores and links matter: typing in a
 * node changes nothing here. `updateFromDiff(map, diff)` is told the change by the ops' records
 * diff instead, for a caller that has it: no scan at all.
 *
 * Two inputs are the reader's own, never the map's: assumptions (a person's "what if") and base
 * score overrides (a seam for live reactions: the room's votes can set base scores, issue 14).
 */
import type { RecordsDiff } from "../diff";
import { hasEntry, entryOf } from "../records";
import { EvaluationGraph, LinkType, NONE } from "./graph";
import { GroundedLabelling, IN, OUT, UNDECIDED } from "./grounded";
import { baseScoreOf, type Assumption, type EvaluatedLink, type EvaluatedMap, type EvaluatedNode, type Label } from "./input";
import { Region } from "./region";
import { DfQuadStrengths } from "./strength";

export interface EvaluationChanges {
  /** Nodes added, or changed in kind or base score. */
  putNodes?: readonly EvaluatedNode[];
  removedNodes?: readonly string[];
  /** Links added, or changed in ends or relation. */
  putLinks?: readonly EvaluatedLink[];
  removedLinks?: readonly string[];
}

/** The part of a records diff (lib/map/diff) the evaluation reads. */
export interface EvaluationDiff {
  nodes: RecordsDiff<EvaluatedNode>;
  edges: RecordsDiff<EvaluatedLink>;
}

const LABEL_NAME: readonly Label[] = ["undecided", "accepted", "defeated"];
/** A region covering more than this share of the map is recomputed by a full pass (fewer walks). */
const FULL_PASS_SHARE = 0.5;

export class Evaluator {
  readonly graph = new EvaluationGraph();
  private assumedCodes = new Uint8Array(16);
  readonly labels = new GroundedLabelling(this.graph, () => this.assumedCodes);
  readonly strengths = new DfQuadStrengths(this.graph, () => this.assumedCodes);
  private readonly region = new Region();
  private readonly dirtyNodes = new Set<number>();
  private readonly dirtyLinks = new Set<number>();
  private needsFullPass = true;
  private seenNodes: EvaluatedMap["nodes"] | null = null;
  private seenEdges: EvaluatedMap["edges"] | null = null;
  private seenNodeCount = 0;
  private seenEdgeCount = 0;
  private assumptions: ReadonlyMap<string, Assumption> = new Map();
  private overrides: ReadonlyMap<string, number> = new Map();
  /** Goes up whenever a label or strength may have changed: a cheap key for memoising views. */
  version = 0;

  /** Brings the evaluation in line with `map`; says whether anything was recomputed. */
  update(map: EvaluatedMap): boolean {
    if (map.nodes !== this.seenNodes || map.edges !== this.seenEdges) this.apply(this.changesTo(map), map);
    return this.recompute();
  }

  /**
   * Brings the evaluation in line with `map`, told what changed since the map seen last by the
   * records diff of the ops that made it (applyOp's, squashed for several): no scan of the map, so
   * the cost is that of the change. Only kinds, base scores and links matter here.
   */
  updateFromDiff(map: EvaluatedMap, diff: EvaluationDiff): boolean {
    const changes = { putNodes: [] as EvaluatedNode[], removedNodes: [...diff.nodes.removed.keys()], putLinks: [] as EvaluatedLink[], removedLinks: [...diff.edges.removed.keys()] };
    for (const node of diff.nodes.added.values()) changes.putNodes.push(node);
    for (const [from, to] of diff.nodes.updated.values()) if (from.kind !== to.kind || from.baseScore !== to.baseScore) changes.putNodes.push(to);
    for (const link of diff.edges.added.values()) changes.putLinks.push(link);
    for (const [from, to] of diff.edges.updated.values()) if (from.relation !== to.relation || from.from !== to.from || from.to !== to.to) changes.putLinks.push(to);
    this.apply(changes, map);
    this.seenNodes = map.nodes;
    this.seenEdges = map.edges;
    // Unknown without counting: the next scan, if any, looks for removals in full.
    this.seenNodeCount = Infinity;
    this.seenEdgeCount = Infinity;
    return this.recompute();
  }

  /**
   * Takes the changes in. `current`, the map they lead to, lets links that went with a removed or
   * re-added link (the undercuts aimed at it) come back if the map still has them.
   */
  apply(changes: EvaluationChanges, current?: EvaluatedMap): void {
    const g = this.graph;
    const cascaded: string[] = [];
    const onRemoved = (id: string, target: number, type: LinkType) => {
      cascaded.push(id);
      if (type === LinkType.Undercuts) this.dirtyLinks.add(target);
      else this.dirtyNodes.add(target);
    };
    const putLinks = [...(changes.putLinks ?? [])];
    for (const id of changes.removedLinks ?? []) {
      const slot = g.linkSlot.get(id);
      if (slot !== undefined) g.removeLink(slot, onRemoved);
    }
    for (const link of g.linkCount === 0 ? [] : putLinks) {
      const slot = g.linkSlot.get(link.id);
      if (slot === undefined) continue;
      if (g.retypeLink(slot, link)) {
        this.dirtyLinks.add(slot);
        this.dirtyNodes.add(g.linkTo[slot]!);
      } else g.removeLink(slot, onRemoved); // put back below
    }
    for (const id of changes.removedNodes ?? []) {
      const slot = g.nodeSlot.get(id);
      if (slot === undefined) continue;
      g.removeNode(slot, onRemoved);
      this.assumedCodes[slot] = UNDECIDED;
    }
    for (const node of changes.putNodes ?? []) {
      const { slot, changed } = g.putNode(node, this.overrides.get(node.id) ?? baseScoreOf(node));
      if (slot >= this.assumedCodes.length) this.assumedCodes = grown(this.assumedCodes, g.nodeAlive.length);
      const code = assumptionCode(this.assumptions.get(node.id));
      if (changed || this.assumedCodes[slot] !== code) this.dirtyNodes.add(slot);
      this.assumedCodes[slot] = code;
    }
    if (current) for (const id of cascaded) if (!g.linkSlot.has(id) && hasEntry(current.edges, id)) putLinks.push(current.edges[id]!);
    // Undercuts need the link they attack: links first, then undercuts, until nothing more fits.
    let waiting = putLinks.filter((link) => !g.linkSlot.has(link.id));
    while (waiting.length > 0) {
      const later: EvaluatedLink[] = [];
      for (const link of waiting) {
        const slot = g.addLink(link);
        if (slot !== NONE) this.dirtyLinks.add(slot);
        else if (link.relation === "undercuts" && g.nodeSlot.has(link.from)) later.push(link);
      }
      if (later.length === waiting.length) break; // aimed at links that do not exist: they bear on nothing
      waiting = later;
    }
  }

  /** The reader's "what if": these nodes keep the label given whatever the map says. */
  setAssumptions(assumptions: ReadonlyMap<string, Assumption>): void {
    const before = this.assumptions;
    this.assumptions = assumptions;
    for (const id of new Set([...before.keys(), ...assumptions.keys()])) {
      const slot = this.graph.nodeSlot.get(id);
      if (slot === undefined || before.get(id) === assumptions.get(id)) continue;
      this.assumedCodes[slot] = assumptionCode(assumptions.get(id));
      this.dirtyNodes.add(slot);
    }
  }

  /** Base scores that replace the stored ones (e.g. set by the room's votes); others keep theirs. */
  setBaseScoreOverrides(scores: ReadonlyMap<string, number>, map: EvaluatedMap): void {
    const before = this.overrides;
    this.overrides = scores;
    for (const id of new Set([...before.keys(), ...scores.keys()])) {
      const node = entryOf(map.nodes, id);
      if (node && before.get(id) !== scores.get(id)) this.apply({ putNodes: [node] });
    }
  }

  /** Runs the passes the changes since the last one call for; says whether it ran any. */
  recompute(): boolean {
    const g = this.graph;
    if (!this.needsFullPass && this.dirtyNodes.size === 0 && this.dirtyLinks.size === 0) return false;
    const region = this.needsFullPass ? null : this.region.downstreamOf(g, this.dirtyNodes, this.dirtyLinks);
    if (region === null || region.nodeCount + region.linkCount > FULL_PASS_SHARE * (g.nodeCount + g.linkCount)) {
      this.labels.labelAll();
      this.strengths.compute(this.region.everything(g), true);
    } else {
      this.labels.labelRegion(region);
      this.strengths.compute(region, false);
    }
    this.needsFullPass = false;
    this.dirtyNodes.clear();
    this.dirtyLinks.clear();
    this.version++;
    return true;
  }

  labelOf(nodeId: string): Label | undefined {
    const slot = this.graph.nodeSlot.get(nodeId);
    return slot === undefined ? undefined : LABEL_NAME[this.labels.nodeLabel[slot]!];
  }

  /** Whether a supports/rebuts link carries (accepted), is defeated, or is undecided. */
  linkLabelOf(linkId: string): Label | undefined {
    const slot = this.graph.linkSlot.get(linkId);
    return slot === undefined ? undefined : LABEL_NAME[this.labels.linkLabel[slot]!];
  }

  strengthOf(nodeId: string): number | undefined {
    const slot = this.graph.nodeSlot.get(nodeId);
    return slot === undefined ? undefined : this.strengths.nodeValue[slot];
  }

  /** True when the node sits on a cycle whose strengths did not settle. */
  isUnsettled(nodeId: string): boolean {
    const slot = this.graph.nodeSlot.get(nodeId);
    return slot !== undefined && this.strengths.nodeUnsettled[slot] === 1;
  }

  assumptionOf(nodeId: string): Assumption | undefined {
    return this.assumptions.get(nodeId);
  }

  get converged(): boolean {
    return this.strengths.converged;
  }

  /** What changed from the map seen last to `map`, by record identity, then by the fields that matter. */
  private changesTo(map: EvaluatedMap): EvaluationChanges {
    const putNodes: EvaluatedNode[] = [];
    const putLinks: EvaluatedLink[] = [];
    const removedNodes: string[] = [];
    const removedLinks: string[] = [];
    if (map.nodes !== this.seenNodes) {
      const before = this.seenNodes ?? {};
      const ids = Object.keys(map.nodes);
      let kept = 0;
      for (const id of ids) {
        const node = map.nodes[id]!;
        const old = entryOf(before, id);
        if (old) kept++;
        if (old !== node && (!old || old.kind !== node.kind || old.baseScore !== node.baseScore)) putNodes.push(node);
      }
      if (kept < this.seenNodeCount) for (const id of Object.keys(before)) if (!hasEntry(map.nodes, id)) removedNodes.push(id);
      this.seenNodes = map.nodes;
      this.seenNodeCount = ids.length;
    }
    if (map.edges !== this.seenEdges) {
      const before = this.seenEdges ?? {};
      const ids = Object.keys(map.edges);
      let kept = 0;
      for (const id of ids) {
        const link = map.edges[id]!;
        const old = entryOf(before, id);
        if (old) kept++;
        if (old !== link && (!old || old.from !== link.from || old.to !== link.to || old.relation !== link.relation)) putLinks.push(link);
      }
      if (kept < this.seenEdgeCount) for (const id of Object.keys(before)) if (!hasEntry(map.edges, id)) removedLinks.push(id);
      this.seenEdges = map.edges;
      this.seenEdgeCount = ids.length;
    }
    return { putNodes, removedNodes, putLinks, removedLinks };
  }
}

function assumptionCode(assumption: Assumption | undefined): number {
  return assumption === "accept" ? IN : assumption === "reject" ? OUT : UNDECIDED;
}

function grown(array: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(size);
  next.set(array);
  return next;
}
