"use client";
/**
 * The map page's presence session, for the components that show or report presence (the strip,
 * the pointer layer, the canvas, the panel's text field). Null where there is none (the demo).
 */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { PresenceSession } from "@/lib/sync/presence-session";

const PresenceContext = createContext<PresenceSession | null>(null);

export const PresenceProvider = PresenceContext.Provider;

export function usePresenceSession(): PresenceSession | null {
  return useContext(PresenceContext);
}

const noSubscription = () => () => {};

/**
 * One value read from the session; the component re-renders only when that value changes.
 * `read` must be a module-level function (its identity is part of the subscription).
 */
export function usePresenceValue<T>(read: (session: PresenceSession) => T, fallback: T): T {
  const session = usePresenceSession();
  return useSyncExternalStore(
    session ? session.subscribe : noSubscription,
    () => (session ? read(session) : fallback),
    () => fallback,
  );
}
