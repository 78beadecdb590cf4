"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};
const detectMac = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/** True on Apple platforms (⌘ instead of Ctrl). False on the server and in the first render, to hydrate cleanly. */
export function useIsMac(): boolean {
  return useSyncExternalStore(never, detectMac, () => false);
}
