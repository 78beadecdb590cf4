/**
 * How far V8 lets the heap grow past what was live at the last full collection before it collects
 * again. By default it grows by up to 1.5–4× (it sizes itself for the machine's memory), so a burst
 * of short-lived garbage, such as 200 slow streams each replaying megabytes of the log into their
 * sockets, left the server hundreds of MB larger for minutes although little of it was live (the
 * abuse bench: +191 MB for the streams alone). A smaller step collects sooner, in every thread
 * (the flag is process-wide, so the import and render workers too). It is a growth factor, not a
 * limit: unlike `--max-old-space-size` it never makes the server run out of memory sooner.
 */
import v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 10;

export function collectGarbageSooner(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
