"use client";
/**
 * This person's folds and focus on this map (lib/map/folding): kept in this browser only, never
 * sent, so folding a claim hides its reasons for me and nobody else. Folds are remembered per
 * map link; the focus lasts as long as the page.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { foldView, toggled, unfoldedTo, type Folds, type FoldView } from "@/lib/map/folding";
import type { MapDoc } from "@/lib/map/types";

const storageKey = (token: string) => `argumap:folds:${token}`;

function readFolds(token: string): Folds {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey(token)) ?? "{}");
    if (!saved || typeof saved !== "object" || Array.isArray(saved)) return {};
    return Object.fromEntries(Object.entries(saved).filter(([, state]) => state === "open" || state === "closed")) as Folds;
  } catch {
    return {};
  }
}

export interface Folding {
  view: FoldView;
  focus: string | null;
  toggleReasons(nodeId: string): void;
  focusOn(nodeId: string | null): void;
  /** Makes the node visible: leaves a focus it is outside of, unfolds the way to it. */
  reveal(nodeId: string): void;
}

export function useFolding(token: string, doc: MapDoc): Folding {
  const [folds, setFolds] = useState<Folds>({});
  const [focus, setFocus] = useState<string | null>(null);
  // Read after the first render: the server's HTML shows every node, and so must hydration.
  useEffect(() => setFolds(readFolds(token)), [token]);
  const view = useMemo(() => foldView(doc, folds, focus), [doc, folds, focus]);
  const toggleReasons = useCallback(
    (nodeId: string) => {
      setFolds((current) => remember(token, toggled(current, nodeId, view.reasons.get(nodeId)?.open ?? true)));
    },
    [token, view],
  );
  const reveal = useCallback(
    (nodeId: string) => {
      if (view.shown === null || view.shown.has(nodeId)) return;
      setFocus(null);
      setFolds((current) => remember(token, unfoldedTo(doc, current, nodeId)));
    },
    [token, view, doc],
  );
  // A focused node that someone deletes ends the focus.
  const shownFocus = focus !== null && Object.hasOwn(doc.nodes, focus) ? focus : null;
  return { view, focus: shownFocus, toggleReasons, focusOn: setFocus, reveal };
}

function remember(token: string, folds: Folds): Folds {
  try {
    localStorage.setItem(storageKey(token), JSON.stringify(folds));
  } catch {
    // Storage refused: the folds last until the page is left.
  }
  return folds;
}
