"use client";
/**
 * Session state of the source reader: which source is open and which node's quote it was asked to
 * show. Never an op. Each request has its own number, so asking twice for the same quote scrolls
 * to it twice. Closing gives the focus back to what opened the reader.
 */
import { useCallback, useRef, useState } from "react";
import { entryOf } from "@/lib/map/records";
import type { MapDoc } from "@/lib/map/types";

export interface ReaderRequest {
  sourceId: string;
  /** The node whose quote to show, or null to open the source at its start. */
  nodeId: string | null;
  seq: number;
}

export function useReader(doc: MapDoc) {
  const [request, setRequest] = useState<ReaderRequest | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const openSource = useCallback((sourceId: string, nodeId: string | null = null) => {
    const active = document.activeElement;
    // Not from inside the reader itself (its own list of quotes): that keeps the first opener.
    if (active instanceof HTMLElement && !active.closest("[data-testid='source-reader']")) opener.current = active;
    setRequest((previous) => ({ sourceId, nodeId, seq: (previous?.seq ?? 0) + 1 }));
  }, []);

  const closeReader = useCallback(() => {
    setRequest(null);
    const back = opener.current;
    opener.current = null;
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
      else document.getElementById("details-panel")?.focus();
    });
  }, []);

  // A source deleted meanwhile (here or by someone else) closes the reader.
  const open = request !== null && entryOf(doc.sources, request.sourceId) ? request : null;
  return { request: open, openSource, closeReader };
}
