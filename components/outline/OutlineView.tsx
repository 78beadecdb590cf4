"use client";
/**
 * The map as an indented outline in place of the canvas: a WAI-ARIA tree with one tab stop.
 * Arrow keys move and open/close, Enter selects (the same selection as the canvas, so the side
 * panel shows it), and the editor's own shortcuts (S, R, Delete…) act on the focused line through
 * the actions registry. Printing it gives a handout.
 */
import "./outline-view.css";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { actionById, actionForKey } from "@/lib/actions/registry";
import type { EditorAction } from "@/lib/actions/types";
import { firstRowOf, outlineTree, treeMove, visibleRows, type OutlineRow, type OutlineTree } from "@/lib/map/outlineTree";
import { describeLinkEnds } from "@/lib/map/describe";
import { checkNodeQuote } from "@/lib/map/quotes/check";
import { entryOf } from "@/lib/map/records";
import type { MapDoc, Source } from "@/lib/map/types";
import { useEditorCommands } from "../editor/EditorCommands";
import { useStandActions, useStandState } from "../evaluation/StandContext";
import { verdictIn } from "../evaluation/verdict";
import { motionDuration } from "../motion";
import { OutlineItem } from "./OutlineItem";

export interface OutlineViewProps {
  doc: MapDoc;
  editable: boolean;
  selectedNodeIds: ReadonlySet<string>;
  editingId: string | null;
  onSelectNode(nodeId: string): void;
  /** Runs a registry action with the node of the focused line as the selection. */
  onNodeAction(action: EditorAction, nodeId: string): void;
  /** This person's search: its hits are marked, and the one being shown is opened up and scrolled to. */
  found?: { hits: ReadonlySet<string>; current: string | null };
}

const NAVIGATION_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"]);
const NO_ROWS: ReadonlySet<string> = new Set();

function sourceName(source: Source | undefined): string | null {
  if (!source) return null;
  return [source.title, source.publisher].filter((part) => part.trim()).join(", ") || "Untitled source";
}

function quoteFlagOf(doc: MapDoc, node: OutlineRow["node"]): "changed" | "missing" | null {
  const check = checkNodeQuote(doc, node);
  return check.status === "changed" || check.status === "missing" ? check.status : null;
}

/** The row holding the tab stop: the wanted one, or its nearest shown ancestor, or a selected node's, or the first. */
function tabStopRow(tree: OutlineTree, shown: ReadonlySet<string>, wanted: string | null, selected: ReadonlySet<string>): OutlineRow | undefined {
  let row = wanted === null ? undefined : tree.byKey.get(wanted);
  while (row && !shown.has(row.key)) row = row.parentKey === null ? undefined : tree.byKey.get(row.parentKey);
  if (row) return row;
  for (const nodeId of selected) {
    const first = firstRowOf(tree, nodeId);
    if (first && shown.has(first.key)) return first;
  }
  return tree.rows[0];
}

/** The link an undercut's row objects to, in words. */
function undercutLinkOf(doc: MapDoc, row: OutlineRow): string | undefined {
  const link = row.edge?.relation === "undercuts" ? entryOf(doc.edges, row.edge.to) : undefined;
  return link && describeLinkEnds(doc, link);
}

export function OutlineView({ doc, editable, selectedNodeIds, editingId, onSelectNode, onNodeAction, found }: OutlineViewProps) {
  const { startEditing, openSource } = useEditorCommands();
  const { live } = useStandState();
  const stand = useStandActions();
  const tree = useMemo(() => outlineTree(doc), [doc]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(NO_ROWS);
  const [wantedKey, setWantedKey] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const baseId = useId();

  const shown = useMemo(() => new Set(visibleRows(tree, collapsed).map((row) => row.key)), [tree, collapsed]);
  const tabStop = tabStopRow(tree, shown, wantedKey, selectedNodeIds);
  // The line being edited: the focused one if it is that node's, else the node's first line.
  const editingRow = editingId === null ? undefined : tabStop?.node.id === editingId ? tabStop : firstRowOf(tree, editingId);

  const focusRow = useCallback((key: string) => {
    setWantedKey(key);
    list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }, []);

  const toggle = useCallback((key: string) => {
    setCollapsed((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);

  // The search's current match: its first line opened up (every closed line above it) and scrolled to.
  const foundCurrent = found?.current ?? null;
  useEffect(() => {
    if (foundCurrent === null) return;
    const row = firstRowOf(tree, foundCurrent);
    if (!row) return;
    setCollapsed((before) => {
      const next = new Set(before);
      for (let up = row.parentKey; up !== null; up = tree.byKey.get(up)?.parentKey ?? null) next.delete(up);
      return next.size === before.size ? before : next;
    });
    const frame = requestAnimationFrame(() =>
      list.current?.querySelector(`[data-key="${CSS.escape(row.key)}"]`)?.scrollIntoView({ block: "center", behavior: motionDuration(1) ? "smooth" : "auto" }),
    );
    return () => cancelAnimationFrame(frame);
  }, [foundCurrent, tree]);

  // A line being written (e.g. a reason just added with S under a closed line) is opened up and
  // becomes the tab stop, so the focus comes back to it when the writing ends.
  const editingKey = editingRow?.key ?? null;
  useEffect(() => {
    if (editingKey === null) return;
    setWantedKey(editingKey);
    setCollapsed((before) => {
      let next: Set<string> | null = null;
      for (let row = tree.byKey.get(editingKey); row?.parentKey; row = tree.byKey.get(row.parentKey)) {
        if (before.has(row.parentKey)) (next ??= new Set(before)).delete(row.parentKey);
      }
      return next ?? before;
    });
  }, [editingKey, tree]);

  // When the text field closes, the focus would fall to the page: put it back on the line.
  const wasEditing = useRef(editingId);
  useEffect(() => {
    const ended = wasEditing.current !== null && editingId === null;
    wasEditing.current = editingId;
    const active = document.activeElement;
    if (ended && (active === null || active === document.body) && tabStop) focusRow(tabStop.key);
  }, [editingId, tabStop, focusRow]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.defaultPrevented || event.nativeEvent.isComposing) return;
    const item = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>("[role='treeitem']") : null;
    // Keys typed into a line's text field are the field's.
    if (!item || item !== event.target) return;
    const row = tree.byKey.get(item.dataset.key ?? "");
    if (!row) return;
    if (!event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
      const move = treeMove(tree, collapsed, row.key, event.key);
      if (move && "focus" in move) focusRow(move.focus);
      else if (move) toggle("expand" in move ? move.expand : move.collapse);
      if (NAVIGATION_KEYS.has(event.key)) {
        event.preventDefault(); // at either end too: the page must not scroll instead
        return;
      }
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        const alreadySelected = selectedNodeIds.size === 1 && selectedNodeIds.has(row.node.id);
        if (event.key === "Enter" && alreadySelected && editable) onNodeAction(actionById("editText"), row.node.id);
        else onSelectNode(row.node.id);
        return;
      }
    }
    const action = actionForKey(event.nativeEvent);
    // Document actions, and reading the line's source, act on the focused line.
    if (action?.kind === "ops" || action?.id === "readSource") {
      event.preventDefault();
      onNodeAction(action, row.node.id);
    }
  };

  const onClick = (event: MouseEvent<HTMLUListElement>) => {
    const item = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>("[role='treeitem']") : null;
    const row = item ? tree.byKey.get(item.dataset.key ?? "") : undefined;
    if (!row || (event.target instanceof HTMLElement && event.target.closest("textarea"))) return;
    focusRow(row.key);
    const quoted = event.target instanceof HTMLElement && event.target.closest("[data-open-quote]");
    if (quoted && row.node.sourceId !== null) {
      onSelectNode(row.node.id);
      openSource(row.node.sourceId, row.node.id);
      return;
    }
    if (event.detail === 2 && editable) startEditing(row.node.id);
    else onSelectNode(row.node.id);
  };

  const titleId = `${baseId}-title`;
  const hintId = `${baseId}-hint`;
  const description = doc.meta.description.trim();
  return (
    <section className="outline-view" aria-labelledby={titleId} data-testid="outline-view">
      <header className="outline-view__header">
        <h2 id={titleId} className="outline-view__title">
          {doc.meta.title}
        </h2>
        {description && <p className="outline-view__description">{description}</p>}
        <p className="outline-view__hint" id={hintId}>
          Up and Down arrows move, Right and Left open and close, Enter selects
          {editable ? " (pressed again, edits the text); S or R adds a support or rebuttal to the focused line" : ""}; Q reads the line's source at its quote.
        </p>
      </header>
      {tree.rows.length === 0 ? (
        <p className="outline-view__empty">This map is empty.{editable ? " Add a claim with the toolbar or the C key." : ""}</p>
      ) : (
        <ul
          ref={list}
          role="tree"
          className="outline-view__tree"
          aria-labelledby={titleId}
          aria-describedby={hintId}
          data-testid="outline-tree"
          onKeyDown={onKeyDown}
          onClick={onClick}
          onFocus={(event) => {
            const key = event.target instanceof HTMLElement && event.target.getAttribute("role") === "treeitem" ? event.target.dataset.key : undefined;
            if (key !== undefined && key !== wantedKey) setWantedKey(key);
          }}
        >
          {tree.rows.map((row) => (
            <OutlineItem
              key={row.key}
              row={row}
              tabStop={row === tabStop}
              selected={selectedNodeIds.has(row.node.id)}
              collapsed={collapsed.has(row.key)}
              hidden={!shown.has(row.key)}
              editing={row === editingRow}
              found={found?.current === row.node.id ? "current" : found?.hits.has(row.node.id) ? "hit" : undefined}
              sourceName={row.node.sourceId === null ? null : sourceName(entryOf(doc.sources, row.node.sourceId))}
              undercutLink={undercutLinkOf(doc, row)}
              quoteFlag={quoteFlagOf(doc, row.node)}
              verdict={live ? verdictIn(live, row.node.id) : undefined}
              // The focused line says why: keyboards reach every line's reason in turn.
              why={live && row === tabStop ? stand?.explain(row.node.id)?.text : undefined}
              onToggle={toggle}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
