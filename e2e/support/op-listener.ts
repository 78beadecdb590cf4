/** A map's event stream read over HTTP, as a browser would: reconnecting with Last-Event-ID. */
import { frameFields, sseFrameBatches } from "../../lib/server/testing/sse-frames";

/** Listens at `url` until stopped, recording every op revision it sees; a server that dies is retried shortly. */
export function listenForOps(url: string, token: string) {
  const revisions: number[] = [];
  const abort = new AbortController();
  const run = (async () => {
    while (!abort.signal.aborted) {
      try {
        const last = revisions.at(-1);
        const response = await fetch(`${url}/api/maps/${token}/events?since=0`, { headers: last ? { "last-event-id": String(last) } : {}, signal: abort.signal });
        for await (const frames of sseFrameBatches(response.body!)) {
          for (const frame of frames) {
            const { event, id } = frameFields(frame);
            if (event === "op" && id !== undefined) revisions.push(id);
          }
        }
      } catch {
        // the server died; try again shortly
      }
      if (!abort.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return { revisions, stop: async () => (abort.abort(), run) };
}
