/** How the canvas frames the map. */

/** "Fit view": the whole map, never magnified beyond 100 %. */
export const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 };

/** The size of a reason's text in canvas.css (a claim's is larger): what "readable" is measured on. */
export const BODY_TEXT_PX = 14;
/** The smallest size body text may have on screen at the opening view: 12 px, 14 px on a phone. */
export const READABLE_TEXT_PX = 12;
export const PHONE_READABLE_TEXT_PX = 14;
/** A canvas narrower than this is a phone's. */
export const PHONE_WIDTH = 600;

/** The zoom at which body text is just readable on a canvas this wide (rounded up, never below the threshold). */
export function readableZoom(canvasWidth: number): number {
  const target = canvasWidth < PHONE_WIDTH ? PHONE_READABLE_TEXT_PX : READABLE_TEXT_PX;
  return Math.ceil((target / BODY_TEXT_PX) * 100) / 100;
}

/** Opening on the main claim: how close it may come, and the room kept along the canvas's edges. */
export const OPENING_MAX_ZOOM = 1;
export const OPENING_PADDING = 24;
export const PHONE_OPENING_PADDING = 12;

/**
 * Above this many nodes the canvas renders only the nodes and links in view (React Flow's
 * onlyRenderVisibleElements): a 2,000-node map opens with a few dozen in the DOM, not all of them.
 * At or below it every node stays in the DOM, so Tab reaches each one.
 */
export const RENDER_IN_VIEW_ONLY_ABOVE = 300;

export const rendersInViewOnly = (nodeCount: number): boolean => nodeCount > RENDER_IN_VIEW_ONLY_ABOVE;
