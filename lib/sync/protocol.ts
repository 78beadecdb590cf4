/** What travels between the sync client and the server (the HTTP contract, as types). */
import type { Op, OpError } from "../map/ops";

export interface PendingOp {
  clientOpId: string;
  op: Op;
  /** The server has acknowledged it; it stays pending until its logged op arrives on the stream. */
  acked: boolean;
}

export interface OpsRequest {
  clientId: string;
  author: string;
  ops: (Op & { clientOpId: string })[];
}

export interface OpsResponse {
  revision: number;
  applied: { clientOpId: string; revision: number }[];
  rejected: { clientOpId: string; error: OpError }[];
}

/** One entry of the op log, as the events stream delivers it (`event: op`, `id: revision`). */
export interface LoggedOpEvent {
  revision: number;
  clientId: string;
  clientOpId: string;
  author: string;
  op: Op;
}

export type PostResult =
  | { kind: "ok"; response: OpsResponse }
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
  onOp(event: LoggedOpEvent): void;
  onPresence?(payload: unknown): void;
  onStatus(status: StreamStatus): void;
  /** The link stopped working (revoked or unknown). */
  onGone(): void;
}
