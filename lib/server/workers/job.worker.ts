/**
 * A worker thread that does one job (jobs.ts) and answers. It first lowers its own scheduling
 * priority (Linux: nice 10 for this thread only), so that on a busy machine the request thread
 * always runs first and heavy work gets what is left.
 */
import fs from "node:fs";
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { performJob, type Job } from "./jobs";

function lowerPriority(): void {
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>"; setpriority on a tid changes that thread alone.
    const threadId = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isSafeInteger(threadId)) os.setPriority(threadId, 10);
  } catch {
    // Not Linux, or not allowed: the job runs at normal priority.
  }
}

lowerPriority();
parentPort?.once("message", async (job: Job) => {
  parentPort!.postMessage(await performJob(job));
});
// The code is loaded: the job's time budget starts now.
parentPort?.postMessage("ready");
