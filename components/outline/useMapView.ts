"use client";
/**
 * Which view of the map is shown, kept in the address (`?view=outline`) so a view can be linked
 * and survives a reload. Switching replaces the address without a navigation: Next.js keeps
 * useSearchParams in step with the History API, and the map's data is not fetched again.
 */
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type MapView = "canvas" | "outline";

export function viewFromParam(value: string | null): MapView {
  return value === "outline" ? "outline" : "canvas";
}

export function useMapView(): [MapView, (view: MapView) => void] {
  // Typed nullable once a pages/ directory exists (the live API routes live there); never null here.
  const view = viewFromParam(useSearchParams()?.get("view") ?? null);
  const setView = useCallback((next: MapView) => {
    const url = new URL(window.location.href);
    if (next === "outline") url.searchParams.set("view", "outline");
    else url.searchParams.delete("view");
    window.history.replaceState(null, "", url);
  }, []);
  return [view, setView];
}
