/**
 * A sync transport wired straight to the real server code (applyClientOps, the op log, the
 * broadcaster), with the network under the test's control: it can go offline, and stream events
 * wait in a queue until the test delivers them (in order, optionally twice, as a reconnect may).
 */
import type { LoggedOp } from "../../map/ops";
import type { OpsRequest, PostResult, StreamHandlers, Transport } from "../../sync/protocol";
import { applyClientOps } from "../apply-ops";
import { broadcaster } from "../broadcaster";
import { replayFrom } from "../events";

export interface LoopbackTransport extends Transport {
  online: boolean;
  /** Delivers queued stream events; `duplicate` re-sends each one (clients must ignore repeats). */
  deliver(options?: { duplicate?: boolean; count?: number }): number;
  /** Resolves when no POST is in flight. */
  idle(): Promise<void>;
  queued(): number;
}

export function loopbackTransport(mapId: string): LoopbackTransport {
  const inFlight = new Set<Promise<unknown>>();
  let queue: LoggedOp[] = [];
  let handlers: StreamHandlers | undefined;

  const transport: LoopbackTransport = {
    online: true,
    postOps(request: OpsRequest): Promise<PostResult> {
      const work = (async (): Promise<PostResult> => {
        await Promise.resolve();
        if (!transport.online) return { kind: "retry", message: "the server cannot be reached" };
        const outcome = await applyClientOps({ mapId, clientId: request.clientId, author: request.author, ops: request.ops });
        return { kind: "ok", response: outcome };
      })();
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      return work;
    },
    openStream(since, streamHandlers) {
      handlers = streamHandlers;
      let open = true;
      const unsubscribe = broadcaster().subscribe(mapId, (event) => {
        if (event.kind === "op") queue.push(event.entry);
      });
      const replay = replayFrom(mapId, since).then((entries) => {
        if (open) queue = [...entries, ...queue];
        streamHandlers.onStatus("open");
      });
      inFlight.add(replay);
      void replay.finally(() => inFlight.delete(replay));
      return () => {
        open = false;
        unsubscribe();
      };
    },
    deliver({ duplicate = false, count = Infinity } = {}) {
      const batch = queue.splice(0, count);
      for (const event of batch) {
        handlers?.onOp(event);
        if (duplicate) handlers?.onOp(event);
      }
      return batch.length;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    queued: () => queue.length,
  };
  return transport;
}
