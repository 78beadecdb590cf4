/** How long an animation (a pan, a zoom) may run: not at all for people whose system asks for less motion. */
export function motionDuration(ms: number): number {
  return typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : ms;
}
