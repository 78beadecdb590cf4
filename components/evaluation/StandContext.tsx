"use client";
/**
 * "Which claims stand" for the views of one map: whether the overlay is on, the live evaluation,
 * the reader's what-if assumptions, and the chain of nodes a why line is explaining.
 *
 * Two contexts: the state (changes with every evaluation; the side panel and the outline read it)
 * and the actions (stable for the page's life: node badges read the latest state through them, so
 * an edit re-renders only the nodes whose verdict changed, never every badge).
 */
import "./evaluation.css";
import { createContext, useCallback, useContext, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { Assumption } from "@/lib/map/evaluation/input";
import { explain, type Why } from "@/lib/map/evaluation/why";
import type { MapDoc } from "@/lib/map/types";
import { assumptionsFor, clearAssumptions, overlayWanted, setAssumption, setOverlayWanted, subscribePersonalView, type Assumptions } from "@/lib/personal-view";
import { useMapEvaluation, type LiveEvaluation } from "./useMapEvaluation";

export interface StandState {
  overlay: boolean;
  live: LiveEvaluation | null;
  assumptions: Assumptions;
  /** The nodes the open why line names, highlighted on the canvas. */
  chain: ReadonlySet<string>;
}

export interface StandActions {
  setOverlay(on: boolean): void;
  /** The why line of a node as the map stands now, or undefined with the overlay off. */
  explain(nodeId: string): Why | undefined;
  showChain(chain: readonly string[] | null): void;
  assume(nodeId: string, assumption: Assumption | null): void;
  clearAssumptions(): void;
}

const NO_CHAIN: ReadonlySet<string> = new Set();
const NO_ASSUMPTIONS: Assumptions = new Map();
const StateContext = createContext<StandState>({ overlay: false, live: null, assumptions: NO_ASSUMPTIONS, chain: NO_CHAIN });
const ActionsContext = createContext<StandActions | null>(null);

export const useStandState = () => useContext(StateContext);
export const useStandActions = () => useContext(ActionsContext);

/**
 * The editor's "which claims stand": the overlay as this reader last left it, and their what-ifs.
 * `onByDefault` (following a presenter at their last step) shows it as presenting does, until the
 * reader switches it off; their kept choice is left alone, so it is theirs again afterwards.
 */
export function useStandView(mapId: string, doc: MapDoc, onByDefault = false): { state: StandState; actions: StandActions } {
  const wanted = useSyncExternalStore(subscribePersonalView, overlayWanted, () => false);
  const assumptions = useSyncExternalStore(subscribePersonalView, () => assumptionsFor(mapId), () => NO_ASSUMPTIONS);
  const [dismissed, setDismissed] = useState(false);
  if (!onByDefault && dismissed) setDismissed(false); // the next last step shows it again
  const byDefault = onByDefault && !dismissed;
  const setOverlay = useCallback(
    (on: boolean) => {
      if (!on && byDefault) setDismissed(true);
      setOverlayWanted(on);
    },
    [byDefault],
  );
  return useStand(doc, wanted || byDefault, assumptions, mapId, setOverlay);
}

/** The same for a view whose overlay is its own (the presentation): no what-if, nothing kept. */
export function useStandOf(doc: MapDoc, overlay: boolean, setOverlay: (on: boolean) => void) {
  return useStand(doc, overlay, NO_ASSUMPTIONS, null, setOverlay);
}

function useStand(doc: MapDoc, overlay: boolean, assumptions: Assumptions, mapId: string | null, setOverlay: (on: boolean) => void) {
  const live = useMapEvaluation(doc, overlay, assumptions);
  const [chain, setChain] = useState<ReadonlySet<string>>(NO_CHAIN);
  const latest = useRef({ live, doc, setOverlay, mapId });
  latest.current = { live, doc, setOverlay, mapId };
  const state = useMemo(() => ({ overlay, live, assumptions, chain: overlay ? chain : NO_CHAIN }), [overlay, live, assumptions, chain]);
  const showChain = useCallback((ids: readonly string[] | null) => setChain(ids && ids.length > 0 ? new Set(ids) : NO_CHAIN), []);
  const actions = useMemo<StandActions>(
    () => ({
      setOverlay: (on) => latest.current.setOverlay(on),
      explain(nodeId) {
        const { live: current } = latest.current;
        return current ? explain(current.evaluator, current.doc.nodes, nodeId) : undefined;
      },
      showChain,
      assume(nodeId, assumption) {
        if (latest.current.mapId !== null) setAssumption(latest.current.mapId, nodeId, assumption);
      },
      clearAssumptions() {
        if (latest.current.mapId !== null) clearAssumptions(latest.current.mapId);
      },
    }),
    [showChain],
  );
  return { state, actions };
}

export function StandProvider({ state, actions, children }: { state: StandState; actions: StandActions; children: ReactNode }) {
  return (
    <ActionsContext.Provider value={actions}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </ActionsContext.Provider>
  );
}
