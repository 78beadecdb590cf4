"use client";
/** Whether the screen is phone-sized (narrow), following the window as it turns or resizes. */
import { useSyncExternalStore } from "react";

export const PHONE_QUERY = "(max-width: 640px)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches, () => false);
}
