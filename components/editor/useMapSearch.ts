"use client";
/** This person's search over the map (lib/map/search): the query, its hits, and the hit being shown. */
import { useCallback, useMemo, useState } from "react";
import { searchNodes } from "@/lib/map/search";
import type { MapDoc } from "@/lib/map/types";

export interface MapSearch {
  open: boolean;
  /** Bumped by every request to open, so the field takes the caret again. */
  openCount: number;
  query: string;
  hits: readonly string[];
  hitSet: ReadonlySet<string>;
  index: number;
  current: string | null;
  show(): void;
  close(): void;
  setQuery(query: string): void;
  /** Moves to the next (1) or previous (-1) hit, wrapping round; returns the hit now shown. */
  step(direction: 1 | -1): string | null;
}

export function useMapSearch(doc: MapDoc): MapSearch {
  const [open, setOpen] = useState(false);
  const [openCount, setOpenCount] = useState(0);
  const [query, setQueryState] = useState("");
  const [position, setPosition] = useState(0);
  const hits = useMemo(() => (open ? searchNodes(doc, query) : []), [doc, query, open]);
  const hitSet = useMemo(() => new Set(hits), [hits]);
  const index = hits.length === 0 ? -1 : Math.min(position, hits.length - 1);
  const show = useCallback(() => {
    setOpen(true);
    setOpenCount((count) => count + 1);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  const setQuery = useCallback((next: string) => {
    setQueryState(next);
    setPosition(0);
  }, []);
  const step = useCallback(
    (direction: 1 | -1) => {
      if (hits.length === 0) return null;
      const next = (Math.max(0, index) + direction + hits.length) % hits.length;
      setPosition(next);
      return hits[next] ?? null;
    },
    [hits, index],
  );
  return { open, openCount, query, hits, hitSet, index, current: index >= 0 ? (hits[index] ?? null) : null, show, close, setQuery, step };
}
