/**
 * Ports for the e2e servers. `E2E_PORT_BASE` moves them all, so several checkouts (or a test run
 * beside a benchmark) can run their suites at once without taking each other's ports.
 */
const base = Number(process.env.E2E_PORT_BASE ?? "3210");

/** The shared production server Playwright starts for every spec. */
export const SHARED_PORT = base;

/** A port of this checkout's own range for a spec that starts (and kills) a server of its own. */
export function extraPort(offset: number): number {
  return base + offset;
}
