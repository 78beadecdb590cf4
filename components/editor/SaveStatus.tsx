"use client";
/** Whether the user's changes are safe on the server, and a loud alert when they are not. */
import type { SyncState } from "@/lib/sync/client";
import { CheckIcon, SpinnerIcon, WarningIcon } from "../icons";

function label(state: SyncState): string {
  switch (state.status) {
    case "saved":
      return "Saved";
    case "saving":
      return "Saving…";
    case "offline":
      return "Will save when online";
    case "error":
      return state.connection === "revoked" ? "Not saved" : "Not saved — retrying";
  }
}

export function SaveStatus({ state }: { state: SyncState }) {
  const Icon = state.status === "saved" ? CheckIcon : state.status === "saving" ? SpinnerIcon : WarningIcon;
  return (
    <span
      className={`save-status save-status--${state.status}`}
      data-testid="save-status"
      data-status={state.status}
      role="status"
      title={state.error ?? undefined}
    >
      <Icon size={14} />
      {label(state)}
    </span>
  );
}

/** Always in the page (empty while all is well) so screen readers announce the message when it appears. */
export function SaveAlert({ state, onRetry }: { state: SyncState; onRetry(): void }) {
  const failing = (state.status === "error" || state.status === "offline") && state.error;
  return (
    <div className={failing ? "save-alert" : "save-alert is-empty"} role="alert" data-testid="save-error">
      {failing && (
        <>
          <WarningIcon size={16} />
          <span>{state.error}</span>
          {state.connection !== "revoked" && (
            <button type="button" className="button button--small" onClick={onRetry} data-testid="save-retry">
              Retry now
            </button>
          )}
        </>
      )}
    </div>
  );
}
