"use client";
/** Tells the others what this user has selected and which node's text they are typing in place. */
import { useEffect } from "react";
import { usePresenceSession } from "./PresenceContext";

export function useReportPresence(selectedNodeIds: readonly string[], editingId: string | null): void {
  const session = usePresenceSession();
  useEffect(() => session?.setSelection(selectedNodeIds), [session, selectedNodeIds]);
  useEffect(() => session?.setEditing("canvas", editingId), [session, editingId]);
}
