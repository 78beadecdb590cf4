/**
 * Folding and focus: which nodes a person sees when they hide some nodes' reasons, or look at
 * one claim with only its reasons and objections. A view, never an edit: nothing here changes
 * the map, and each person keeps their own.
 *
 * A node is open (its reasons shown) unless folded. In a focus view, the focused node is open
 * and its reasons start folded, so it shows one level; unfolding one shows the next level, and so on.
 */
import { nodeLinks } from "./graph";
import type { MapDoc } from "./types";

/** Per node, "open" or "closed" as the person set it; a node not listed takes the view's default. */
export type Folds = Readonly<Record<string, "open" | "closed">>;

interface Tree {
  reasonsOf: Map<string, string[]>;
  answersOf: Map<string, string[]>;
}

function treeOf(doc: MapDoc): Tree {
  const reasonsOf = new Map<string, string[]>();
  const answersOf = new Map<string, string[]>();
  for (const edge of nodeLinks(doc)) {
    if (!Object.hasOwn(doc.nodes, edge.from) || !Object.hasOwn(doc.nodes, edge.to)) continue;
    (reasonsOf.get(edge.to) ?? reasonsOf.set(edge.to, []).get(edge.to)!).push(edge.from);
    (answersOf.get(edge.from) ?? answersOf.set(edge.from, []).get(edge.from)!).push(edge.to);
  }
  return { reasonsOf, answersOf };
}

export function isOpen(folds: Folds, id: string, focused: boolean, depth: number): boolean {
  const set = Object.hasOwn(folds, id) ? folds[id] : undefined;
  return set ? set === "open" : !focused || depth === 0;
}

export interface FoldView {
  /** The nodes shown; null when every node is (nothing folded, no focus). */
  shown: Set<string> | null;
  /** For each shown node with reasons: how many it has, and how many of them its folding hides. */
  reasons: Map<string, { total: number; hidden: number; open: boolean }>;
}

/**
 * What a person sees. Without focus, the map's tops (nodes that answer nothing) are shown, and
 * the reasons of every shown, open node; a node in a loop with no top above it is shown too.
 * With focus, the focused node, and the reasons of every shown, open node below it.
 */
export function foldView(doc: MapDoc, folds: Folds, focus: string | null): FoldView {
  const tree = treeOf(doc);
  const focused = focus !== null && Object.hasOwn(doc.nodes, focus);
  const depth = new Map<string, number>();
  const queue: string[] = [];
  const show = (id: string, level: number) => {
    if (depth.has(id)) return;
    depth.set(id, level);
    queue.push(id);
  };
  if (focused) show(focus, 0);
  else {
    for (const id of Object.keys(doc.nodes)) if (!tree.answersOf.has(id)) show(id, 0);
    // Loops with no top: every node not below some top is a top of its own.
    const below = reachableFrom([...depth.keys()], tree.reasonsOf);
    for (const id of Object.keys(doc.nodes)) if (!below.has(id)) show(id, 0);
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (isOpen(folds, id, focused, depth.get(id)!)) for (const reason of tree.reasonsOf.get(id) ?? []) show(reason, depth.get(id)! + 1);
  }
  const reasons = new Map<string, { total: number; hidden: number; open: boolean }>();
  for (const [id, level] of depth) {
    const own = tree.reasonsOf.get(id);
    if (!own) continue;
    reasons.set(id, { total: own.length, hidden: own.filter((reason) => !depth.has(reason)).length, open: isOpen(folds, id, focused, level) });
  }
  const everything = !focused && depth.size === Object.keys(doc.nodes).length;
  return { shown: everything ? null : new Set(depth.keys()), reasons };
}

function reachableFrom(starts: readonly string[], next: Map<string, string[]>): Set<string> {
  const seen = new Set(starts);
  const stack = [...starts];
  while (stack.length > 0) for (const id of next.get(stack.pop()!) ?? []) if (!seen.has(id)) seen.add(id), stack.push(id);
  return seen;
}

/**
 * The way back up from a focused node: the nodes it answers, one per level up to a top, first
 * answer first (a node that answers several follows the first), never round a loop.
 */
export function breadcrumbs(doc: MapDoc, focus: string): string[] {
  const { answersOf } = treeOf(doc);
  const path = [focus];
  const seen = new Set(path);
  for (let at = focus; ; ) {
    const up = (answersOf.get(at) ?? []).find((id) => !seen.has(id));
    if (up === undefined) break;
    path.unshift(up);
    seen.add(up);
    at = up;
  }
  return path;
}

/** The folds after the person toggled one node (its current state taken from the view). */
export function toggled(folds: Folds, id: string, open: boolean): Folds {
  return { ...folds, [id]: open ? "closed" : "open" };
}

/**
 * The folds that bring `id` into view: every node on its way up to a top unfolded (a search hit
 * hidden by folding, for example). The focus is the caller's to leave.
 */
export function unfoldedTo(doc: MapDoc, folds: Folds, id: string): Folds {
  const next: Record<string, "open" | "closed"> = { ...folds };
  for (const above of breadcrumbs(doc, id).slice(0, -1)) next[above] = "open";
  return next;
}
