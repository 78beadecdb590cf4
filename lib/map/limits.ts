/** Size limits. Every one is enforced by the zod schemas or applyOp and reported as a clear error. */
export const LIMITS = {
  idLength: 64,
  titleLength: 200,
  descriptionLength: 2_000,
  nodeTextLength: 2_000,
  speakerLength: 200,
  quoteLength: 2_000,
  /** characters of a quote's prefix or suffix (lib/map/quotes keeps 32 when it anchors a quote) */
  quoteContextLength: 64,
  sourceFieldLength: 500,
  sourceTextLength: 100_000,
  nodesPerMap: 5_000,
  edgesPerMap: 20_000,
  sourcesPerMap: 200,
  movesPerOp: 5_000,
  idsPerOp: 5_000,
  opsPerRequest: 500,
  /** bytes of a request body */
  requestBody: 2_000_000,
  coordinate: 1_000_000,
  nodesPerStep: 50,
  notesLength: 5_000,
} as const;
