/**
 * tidyLayout in a Web Worker: one worker for the page, started on first use and reused;
 * answers are matched to requests by id, so overlapping calls each get their own.
 * Where there is no `Worker` (server rendering, tests) it runs tidyLayout in place.
 */
import type { LayoutInput, LayoutPositions } from "../map/layout";
import type { LayoutRequest, LayoutResponse } from "./layout.worker";

interface Pending {
  resolve(positions: LayoutPositions): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

export function tidyInWorker(input: LayoutInput): Promise<LayoutPositions> {
  if (typeof Worker === "undefined") {
    // Loaded on demand, so the layout code (and dagre) stays out of the page's own bundle.
    return import("../map/layout").then(({ tidyLayout }) => tidyLayout(input));
  }
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    try {
      layoutWorker().postMessage({ id, input } satisfies LayoutRequest);
    } catch (error) {
      pending.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function layoutWorker(): Worker {
  if (worker) return worker;
  // Written out in full, in this exact shape, so that the bundler finds the worker and builds it.
  const started = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  started.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const answer = event.data;
    const request = pending.get(answer.id);
    if (!request) return;
    pending.delete(answer.id);
    if ("error" in answer) request.reject(new Error(answer.error));
    else request.resolve(answer.positions);
  };
  // The worker failed to load or crashed: fail what is waiting, start afresh next time.
  started.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    failAll(new Error(event.message || "The layout worker stopped"));
  };
  started.onmessageerror = () => failAll(new Error("The layout worker's answer could not be read"));
  worker = started;
  return started;
}

function failAll(error: Error): void {
  worker?.terminate();
  worker = null;
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}
