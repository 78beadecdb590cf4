/**
 * Heavy work off the request thread: each job runs in a fresh worker thread with a heap limit
 * and a deadline, after waiting its turn in its lane (lane.ts). Over the deadline the thread is
 * terminated and the request gets 422; over the heap limit it dies and the request gets 413,
 * each naming the limit. A fresh thread per job gives all its memory back when it ends.
 */
import { Worker } from "node:worker_threads";
import { budgets, queueLimits, type WorkBudget } from "../config";
import { AppError } from "../errors";
import { processWide } from "../process-wide";
import type { Job, JobAnswer, JobValues } from "./jobs";
import { createLane } from "./lane";

type LaneName = "import" | "render";

const DESCRIPTIONS: Record<LaneName, { doing: string; what: string; seconds: string; memory: string }> = {
  import: { doing: "Reading this file", what: "other imports", seconds: "ARGUMAP_IMPORT_SECONDS", memory: "ARGUMAP_IMPORT_MEMORY_MB" },
  render: { doing: "Drawing this map", what: "drawing other maps", seconds: "ARGUMAP_RENDER_SECONDS", memory: "ARGUMAP_RENDER_MEMORY_MB" },
};

const lanes = processWide("work-lanes", () => ({ import: createLane(), render: createLane() }));
/** A worker that has not loaded its code after this long is given up (a broken build, not a job). */
const START_TIMEOUT_MS = 30_000;

/**
 * Waits for a turn in `lane` for `client` (its address: the lane's queue is fair by client), then
 * runs `work` with the lane's budget; the turn lasts until `work` is done.
 */
export async function inLane<T>(lane: LaneName, client: string, work: (budget: WorkBudget) => Promise<T>): Promise<T> {
  const budget = budgets[lane]();
  const leave = await lanes[lane].enter(client, {
    concurrency: budget.concurrency,
    maxWaiting: queueLimits.total,
    maxWaitingPerClient: queueLimits.perClient,
    jobSeconds: budget.seconds,
    what: DESCRIPTIONS[lane].what,
  });
  try {
    return await work(budget);
  } finally {
    leave();
  }
}

/** Runs `job` in a worker thread of `lane`, within the lane's budget. */
export function runJob<K extends Job["kind"]>(lane: LaneName, job: Job & { kind: K }, client: string): Promise<JobValues[K]> {
  return inLane(lane, client, (budget) => inWorker<K>(job, budget, lane));
}

/** What `lane` is doing now (for tests and diagnostics). */
export const laneLoad = (lane: LaneName) => lanes[lane].load();

/** Runs `job` in a fresh worker thread within `budget` (the caller holds a turn in `lane`). */
export function inWorker<K extends Job["kind"]>(job: Job & { kind: K }, budget: WorkBudget, lane: LaneName): Promise<JobValues[K]> {
  const text = DESCRIPTIONS[lane];
  return new Promise((resolve, reject) => {
    // Written out in full so that the bundler finds the worker and builds it; from the sources
    // (tests, benchmarks) it is TypeScript, which tsx runs.
    const worker = new Worker(new URL("./job.worker.ts", import.meta.url), {
      execArgv: import.meta.url.endsWith(".ts") ? ["--require", "tsx/cjs"] : [],
      resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, budget.memoryMb / 8)), stackSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    let timer = setTimeout(() => finish(() => reject(new Error("the worker thread did not start"))), START_TIMEOUT_MS);
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      settle();
    };
    worker.on("message", (message: JobAnswer | "ready") => {
      if (message === "ready") {
        clearTimeout(timer);
        // The budget counts the job's own work, from the moment the thread has its code loaded.
        timer = setTimeout(() => finish(() => reject(new AppError("too_complex", `${text.doing} takes more than ${budget.seconds} s, the server's limit (${text.seconds}).`))), budget.seconds * 1000);
        worker.postMessage(job);
        return;
      }
      finish(() => {
        if (message.ok) return resolve(message.value as JobValues[K]);
        console.error(`${lane} job failed:`, message.crashed);
        reject(new AppError("too_complex", `${text.doing} failed: ${message.crashed}`));
      });
    });
    worker.on("error", (error: Error & { code?: string }) =>
      finish(() => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") reject(new AppError("too_large", `${text.doing} needs more than ${budget.memoryMb} MB of memory, the server's limit (${text.memory}).`));
        else reject(error);
      }),
    );
    worker.on("exit", (code) => finish(() => reject(new Error(`the worker thread stopped (exit code ${code}) before answering`))));
  });
}
