"use client";
/**
 * One status area with two facts: whether this page is live with the server (everyone's view)
 * and, for those who can edit, whether their changes are saved.
 */
import type { Connection, SyncState } from "@/lib/sync/client";
import { SaveStatus } from "./SaveStatus";

const LABEL: Record<Connection, string> = {
  connecting: "Connecting…",
  connected: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  revoked: "This link no longer works",
};

const EXPLANATION: Record<Connection, string> = {
  connecting: "Connecting to the server.",
  connected: "Connected: other people's changes appear as they make them.",
  reconnecting: "The connection dropped; trying again. Your changes are kept.",
  offline: "You are offline. Your changes are kept on this device and sent when you are back.",
  revoked: "This link was replaced or revoked. Ask the map's owner for a new one.",
};

export function ConnectionStatus({ state, editable }: { state: SyncState; editable: boolean }) {
  const { connection } = state;
  return (
    <div
      className={`sync-status sync-status--${connection}`}
      data-testid="connection-status"
      data-connection={connection}
      role="group"
      aria-label="Connection and saving"
    >
      <span className="sync-status__connection" aria-live="polite" title={EXPLANATION[connection]}>
        <span className="sync-status__dot" aria-hidden="true" />
        {LABEL[connection]}
      </span>
      {editable && <SaveStatus state={state} />}
    </div>
  );
}
