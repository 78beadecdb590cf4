/** How the canvas frames the map. */

/** "Fit view": the whole map, never magnified beyond 100 %. */
export const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 };

/** On opening, fit the map, but not so small that it cannot be read: a wide map opens on its middle. */
export const INITIAL_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1, minZoom: 0.5 };
