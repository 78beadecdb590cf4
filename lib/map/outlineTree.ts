/**
 * The outline as a navigable tree (a WAI-ARIA tree view): every place a node is listed becomes a
 * row with a stable key, a level, its parent, and the other points the node also bears on; and
 * what each navigation key does to the focus or to the expanded rows. Plain data, so the keyboard
 * rules are tested without a browser. The nesting itself (cycles included) is `outlineOf`'s.
 */
import { indexEdges } from "./graph";
import { outlineOf, type OutlineEntry } from "./outline";
import { entryOf } from "./records";
import { aimsAtNode, type ArgEdge, type ArgNode, type MapDoc, type Relation } from "./types";

export interface OutlineRow {
  /** Unique among the rows and stable across edits: the path of node ids from the top. */
  key: string;
  node: ArgNode;
  /** How the node bears on the row above it; null at the top level. */
  relation: Relation | null;
  /** The link that puts it under the row above (an undercut's own link for an undercut); null at the top level. */
  edge: ArgEdge | null;
  /** 1 at the top level (as aria-level counts). */
  level: number;
  parentKey: string | null;
  childKeys: string[];
  /** Listed here a second time: its reasons are under its first listing. */
  repeated: boolean;
  /** The other nodes this one is a reason for or against: it is listed under each of them too. */
  alsoUnder: ArgNode[];
  /** Position among its siblings, from 1, and their number (aria-posinset, aria-setsize). */
  position: number;
  siblings: number;
}

export interface OutlineTree {
  /** Every row, parents before their children, in reading order. */
  rows: OutlineRow[];
  byKey: ReadonlyMap<string, OutlineRow>;
}

// A node may be listed under a reason both as its own reason and as an undercut of the reason's link.
const keyOf = (parentKey: string | null, nodeId: string, relation: Relation | null) =>
  `${parentKey === null ? "" : `${parentKey}/`}${encodeURIComponent(nodeId)}${relation === "undercuts" ? "~undercut" : ""}`;

export function outlineTree(doc: MapDoc): OutlineTree {
  const index = indexEdges(doc);
  const rows: OutlineRow[] = [];
  const byKey = new Map<string, OutlineRow>();

  const alsoUnder = (node: ArgNode, parent: ArgNode | null): ArgNode[] => {
    const others: ArgNode[] = [];
    for (const edge of index.outgoing.get(node.id) ?? []) {
      if (!aimsAtNode(edge) || edge.to === parent?.id) continue;
      const other = entryOf(doc.nodes, edge.to);
      if (other) others.push(other);
    }
    return others;
  };

  // Iterative, so a long chain of reasons cannot overflow the stack.
  type Pending = { entry: OutlineEntry; parent: OutlineRow | null; position: number; siblings: number };
  const stack: Pending[] = [];
  const pushLevel = (entries: OutlineEntry[], parent: OutlineRow | null) => {
    for (let at = entries.length - 1; at >= 0; at -= 1) {
      stack.push({ entry: entries[at]!, parent, position: at + 1, siblings: entries.length });
    }
  };
  pushLevel(outlineOf(doc), null);
  while (stack.length > 0) {
    const { entry, parent, position, siblings } = stack.pop()!;
    const row: OutlineRow = {
      key: keyOf(parent?.key ?? null, entry.node.id, entry.relation),
      node: entry.node,
      relation: entry.relation,
      edge: entry.edge,
      level: parent ? parent.level + 1 : 1,
      parentKey: parent?.key ?? null,
      childKeys: [],
      repeated: entry.repeated,
      alsoUnder: alsoUnder(entry.node, parent?.node ?? null),
      position,
      siblings,
    };
    parent?.childKeys.push(row.key);
    rows.push(row);
    byKey.set(row.key, row);
    pushLevel(entry.reasons, row);
  }
  return { rows, byKey };
}

/** The rows a reader sees: none beneath a collapsed row. */
export function visibleRows(tree: OutlineTree, collapsed: ReadonlySet<string>): OutlineRow[] {
  const visible: OutlineRow[] = [];
  const hidden = new Set<string>();
  for (const row of tree.rows) {
    if (row.parentKey !== null && hidden.has(row.parentKey)) {
      hidden.add(row.key);
      continue;
    }
    visible.push(row);
    if (collapsed.has(row.key)) hidden.add(row.key);
  }
  return visible;
}

/** The first row that lists the node, if any. */
export function firstRowOf(tree: OutlineTree, nodeId: string): OutlineRow | undefined {
  return tree.rows.find((row) => row.node.id === nodeId);
}

export type TreeMove = { focus: string } | { expand: string } | { collapse: string };

/**
 * What a key does in the tree (the WAI-ARIA tree view pattern): Up/Down move through the visible
 * rows, Home/End go to the first/last, Right opens a closed row or enters an open one, Left closes
 * an open row or goes to the parent. Null: the key does nothing here.
 */
export function treeMove(tree: OutlineTree, collapsed: ReadonlySet<string>, currentKey: string, key: string): TreeMove | null {
  const visible = visibleRows(tree, collapsed);
  const at = visible.findIndex((row) => row.key === currentKey);
  const row = visible[at];
  if (!row) return visible[0] ? { focus: visible[0].key } : null;
  const focus = (target: OutlineRow | undefined) => (target && target.key !== currentKey ? { focus: target.key } : null);
  switch (key) {
    case "ArrowDown":
      return focus(visible[at + 1]);
    case "ArrowUp":
      return focus(visible[at - 1]);
    case "Home":
      return focus(visible[0]);
    case "End":
      return focus(visible[visible.length - 1]);
    case "ArrowRight":
      if (row.childKeys.length === 0) return null;
      return collapsed.has(row.key) ? { expand: row.key } : { focus: row.childKeys[0]! };
    case "ArrowLeft":
      if (row.childKeys.length > 0 && !collapsed.has(row.key)) return { collapse: row.key };
      return row.parentKey === null ? null : { focus: row.parentKey };
    default:
      return null;
  }
}
