/**
 * Runs tidyLayout off the main thread, so a large map never freezes the page.
 * Started by tidyInWorker; one request in, one answer out, matched by `id`.
 */
import { tidyLayout, type LayoutInput, type LayoutPositions } from "../map/layout";

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export type LayoutResponse = { id: number; positions: LayoutPositions } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  let response: LayoutResponse;
  try {
    response = { id, positions: tidyLayout(input) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
