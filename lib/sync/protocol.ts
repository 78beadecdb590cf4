/** What travels between the sync client and the server (the HTTP contract, as types). */
import type { ClientOp, LoggedOp, Op, OpsOutcome } from "../map/ops";
import type { RoomEventName } from "../map/room/events";

export interface PendingOp {
  clientOpId: string;
  op: Op;
  /** The server has acknowledged it; it stays pending until its logged op arrives on the stream. */
  acked: boolean;
  /** The tab that made it, when that is not this one (an adopted queue of a tab that is gone). */
  clientId?: string;
}

export interface OpsRequest {
  clientId: string;
  author: string;
  ops: ClientOp[];
}

export type PostResult =
  | { kind: "ok"; response: OpsOutcome }
  /** Network down or 5xx/429: try again later. */
  | { kind: "retry"; message: string; retryAfterMs?: number }
  /** The server refused the whole batch (400/403/404/413): retrying would not help. */
  | { kind: "refused"; status: number; code: string; message: string };

export type StreamStatus = "connecting" | "open" | "closed";

export interface Transport {
  postOps(request: OpsRequest): Promise<PostResult>;
  /** Opens the op stream from `since`; returns a function that closes it. */
  openStream(since: number, handlers: StreamHandlers): () => void;
}

export interface StreamHandlers {
  onOp(event: LoggedOp): void;
  onPresence?(payload: unknown): void;
  /** A classroom event: who leads, a summons, the room's reactions. */
  onRoom?(name: RoomEventName, payload: unknown): void;
  onStatus(status: StreamStatus): void;
  /** The link stopped working (revoked or unknown). */
  onGone(): void;
}
