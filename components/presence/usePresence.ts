"use client";
/**
 * One presence session per map page. The sync client attaches it (same client id, same stream:
 * see useSyncClient), which starts the presence client, and detaches it on unmount, which says
 * goodbye. The public demo has none: strangers reading it are not shown to each other.
 */
import { useState } from "react";
import { createPresenceSession, type PresenceSession } from "@/lib/sync/presence-session";

export function usePresence(token: string, enabled: boolean): PresenceSession | null {
  // Creating a session touches nothing (storage and network wait for attach), so this is safe
  // during the server render and when React calls the initialiser twice.
  const [session] = useState(() => (enabled ? createPresenceSession({ token }) : null));
  return session;
}
