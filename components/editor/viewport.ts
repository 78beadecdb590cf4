/** How the canvas frames the map. */

/** "Fit view": the whole map, never magnified beyond 100 %. */
export const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 };

/** On opening, fit the map, but not so small that it cannot be read: a wide map opens on its middle. */
export const INITIAL_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1, minZoom: 0.5 };

/**
 * Above this many nodes the canvas renders only the nodes and links in view (React Flow's
 * onlyRenderVisibleElements): a 2,000-node map opens with a few dozen in the DOM, not all of them.
 * At or below it every node stays in the DOM, so Tab reaches each one.
 */
export const RENDER_IN_VIEW_ONLY_ABOVE = 300;

export const rendersInViewOnly = (nodeCount: number): boolean => nodeCount > RENDER_IN_VIEW_ONLY_ABOVE;
