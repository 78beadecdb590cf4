/**
 * A lane of heavy work: at most `concurrency` jobs at once, the rest wait in a fair queue. Each
 * client (address) has its own line and the lines take turns, so one client with many jobs never
 * makes another wait behind all of them. A line is short and so is the queue: beyond them the
 * request is answered 429 with Retry-After at once, instead of waiting minutes.
 */
import { AppError } from "../errors";

export interface LaneOptions {
  concurrency: number;
  /** Jobs waiting in all, and from one client. */
  maxWaiting: number;
  maxWaitingPerClient: number;
  /** Roughly how long one job takes at most, for Retry-After. */
  jobSeconds: number;
  /** What the work is, for the 429 message ("imports", "pictures"). */
  what: string;
}

export interface Lane {
  /** Waits for a slot; call the returned function when the job is done (whatever happened). */
  enter(client: string, options: LaneOptions): Promise<() => void>;
  /** Jobs running and waiting now. */
  load(): { running: number; waiting: number };
}

export function createLane(): Lane {
  let running = 0;
  let waiting = 0;
  /** Each client's waiting jobs, in the order the clients take turns. */
  const lines = new Map<string, (() => void)[]>();
  let concurrency = 1;

  const release = () => {
    running -= 1;
    startNext();
  };
  const startNext = () => {
    while (running < concurrency && lines.size > 0) {
      const [client, line] = lines.entries().next().value!;
      const start = line.shift()!;
      lines.delete(client);
      // Back of the turn order, if it still has jobs waiting.
      if (line.length > 0) lines.set(client, line);
      waiting -= 1;
      running += 1;
      start();
    }
  };

  return {
    enter(client, options) {
      concurrency = options.concurrency;
      if (running < concurrency && waiting === 0) {
        running += 1;
        return Promise.resolve(once(release));
      }
      const line = lines.get(client) ?? [];
      if (waiting >= options.maxWaiting || line.length >= options.maxWaitingPerClient) {
        const seconds = Math.ceil(options.jobSeconds * Math.max(1, line.length));
        const whose = line.length >= options.maxWaitingPerClient ? "Your earlier requests are still waiting" : "The server is busy";
        return Promise.reject(new AppError("rate_limited", `${whose} with ${options.what}; try again in ${seconds} s.`, { "Retry-After": String(seconds) }));
      }
      return new Promise((resolve) => {
        line.push(() => resolve(once(release)));
        lines.set(client, line);
        waiting += 1;
      });
    },
    load: () => ({ running, waiting }),
  };
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}
