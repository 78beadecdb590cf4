/** The HTTP transport: ops go out as POST, the op log comes back as Server-Sent Events. */
import type { LoggedOp } from "../map/ops";
import { ROOM_EVENT_NAMES } from "../map/room/events";
import type { OpsRequest, PostResult, StreamHandlers, Transport } from "./protocol";

const REOPEN_DELAY_MS = 2_000;

/** `clientId` goes with the event stream, so the server knows whose presence leaves when the stream closes. */
export function httpTransport(token: string, base = "", clientId?: string): Transport {
  const mapUrl = `${base}/api/maps/${encodeURIComponent(token)}`;
  return {
    async postOps(request: OpsRequest): Promise<PostResult> {
      let response: Response;
      try {
        response = await fetch(`${mapUrl}/ops`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
      } catch {
        return { kind: "retry", message: "the server cannot be reached" };
      }
      const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
      if (response.ok && body) return { kind: "ok", response: body as never };
      if (response.status === 429 || response.status >= 500 || !body) {
        const retryAfter = Number(response.headers.get("retry-after"));
        return { kind: "retry", message: body?.error?.message ?? `the server answered ${response.status}`, retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : undefined };
      }
      return { kind: "refused", status: response.status, code: body.error?.code ?? "error", message: body.error?.message ?? `the server answered ${response.status}` };
    },

    openStream(since: number, handlers: StreamHandlers): () => void {
      if (typeof EventSource === "undefined") return () => {};
      let closed = false;
      let source: EventSource | undefined;
      let reopenTimer: ReturnType<typeof setTimeout> | undefined;
      let lastRevision = since;

      const open = () => {
        handlers.onStatus("connecting");
        source = new EventSource(`${mapUrl}/events?since=${lastRevision}${clientId ? `&client=${encodeURIComponent(clientId)}` : ""}`);
        source.onopen = () => handlers.onStatus("open");
        source.addEventListener("op", (event) => {
          const entry = JSON.parse((event as MessageEvent<string>).data) as LoggedOp;
          lastRevision = Math.max(lastRevision, entry.revision);
          handlers.onOp(entry);
        });
        source.addEventListener("presence", (event) => handlers.onPresence?.(JSON.parse((event as MessageEvent<string>).data)));
        for (const name of ROOM_EVENT_NAMES) source.addEventListener(name, (event) => handlers.onRoom?.(name, JSON.parse((event as MessageEvent<string>).data)));
        source.addEventListener("revoked", () => {
          source?.close();
          handlers.onGone();
        });
        source.onerror = () => {
          if (closed) return;
          handlers.onStatus("closed");
          // EventSource retries network errors itself; a refused stream (CLOSED) we check by hand.
          if (source?.readyState === EventSource.CLOSED) {
            reopenTimer = setTimeout(() => void checkAndReopen(), REOPEN_DELAY_MS);
          }
        };
      };

      const checkAndReopen = async () => {
        if (closed) return;
        const status = await fetch(mapUrl, { method: "GET" }).then((r) => r.status, () => 0);
        if (status === 404) handlers.onGone();
        else open();
      };

      // The browser knows about a lost network long before an idle stream errors: say so at once,
      // and reopen as soon as it is back (the client then sends what waited).
      const onOffline = () => {
        if (closed) return;
        clearTimeout(reopenTimer);
        source?.close();
        handlers.onStatus("closed");
      };
      const onOnline = () => {
        if (closed) return;
        clearTimeout(reopenTimer);
        source?.close();
        open();
      };
      globalThis.addEventListener?.("offline", onOffline);
      globalThis.addEventListener?.("online", onOnline);

      open();
      return () => {
        closed = true;
        clearTimeout(reopenTimer);
        source?.close();
        globalThis.removeEventListener?.("offline", onOffline);
        globalThis.removeEventListener?.("online", onOnline);
      };
    },
  };
}
