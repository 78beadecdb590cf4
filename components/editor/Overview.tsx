"use client";
/**
 * The minimap: a small picture of the whole map in the corner, with the part in view outlined.
 * It takes no clicks (canvas.css): one aimed at a node beneath it reaches the node. A toggle
 * hides or shows it, remembered in this browser.
 */
import { MiniMap, Panel } from "@xyflow/react";
import { useCallback, useSyncExternalStore } from "react";
import { KIND_COLOR } from "../kinds";
import type { ArgumentFlowNode } from "./flowElements";

const STORAGE_KEY = "argumap:overview";
const SIZE = { width: 156, height: 104 };
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== "hidden";
  } catch {
    return true;
  }
}

const minimapColor = (node: ArgumentFlowNode) => KIND_COLOR[node.data.node.kind] ?? "var(--border-strong)";

export function Overview() {
  const open = useSyncExternalStore(subscribe, readOpen, () => true);
  const toggle = useCallback(() => {
    try {
      localStorage.setItem(STORAGE_KEY, open ? "hidden" : "shown");
    } catch {
      // Storage refused (private mode): the choice lasts until the page is left.
    }
    listeners.forEach((listener) => listener());
  }, [open]);
  return (
    <>
      {open && <MiniMap<ArgumentFlowNode> position="bottom-right" style={SIZE} nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Overview of the whole map" />}
      <Panel position="bottom-right" className="minimap-panel">
        <button type="button" className="minimap-toggle" data-testid="overview-toggle" aria-pressed={open} onClick={toggle}>
          {open ? "Hide overview" : "Show overview"}
        </button>
      </Panel>
    </>
  );
}
