"use client";
/**
 * The live evaluation of the map on screen: one Evaluator per view, brought up to date with each
 * new doc (local edits, remote ops, undo) and the reader's assumptions. It recomputes only what a
 * change reaches, and typing (text only) recomputes nothing. Null while the overlay is off.
 */
import { useMemo, useRef } from "react";
import { Evaluator } from "@/lib/map/evaluation/evaluator";
import type { MapDoc } from "@/lib/map/types";
import type { Assumptions } from "@/lib/personal-view";

export interface LiveEvaluation {
  /** Changes whenever a label or strength may have: a memo key. */
  version: number;
  evaluator: Evaluator;
  doc: MapDoc;
}

const NO_ASSUMPTIONS: Assumptions = new Map();

export function useMapEvaluation(doc: MapDoc, enabled: boolean, assumptions: Assumptions = NO_ASSUMPTIONS): LiveEvaluation | null {
  const evaluator = useRef<Evaluator | null>(null);
  return useMemo(() => {
    if (!enabled) return null;
    evaluator.current ??= new Evaluator();
    evaluator.current.setAssumptions(assumptions);
    evaluator.current.update(doc);
    return { version: evaluator.current.version, evaluator: evaluator.current, doc };
  }, [doc, enabled, assumptions]);
}
