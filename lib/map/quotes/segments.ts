/**
 * A text cut where quoted passages start and end, so a reader can mark every passage, overlapping
 * ones included, and tell which nodes quote each piece.
 */

export interface MarkedPassage {
  nodeId: string;
  start: number;
  end: number;
  /** The words were edited since they were quoted (QuoteMatch "changed"). */
  changed: boolean;
}

export interface TextSegment {
  start: number;
  end: number;
  /** The nodes quoting this piece, in the passages' order; empty for unquoted text. */
  nodeIds: string[];
  /** Some passage over this piece was edited since it was quoted. */
  changed: boolean;
}

/** The whole text as consecutive segments (none empty); passages outside the text are clipped. */
export function segmentsOf(textLength: number, passages: readonly MarkedPassage[]): TextSegment[] {
  const bounds = new Set([0, textLength]);
  const inside = passages
    .map((passage) => ({ ...passage, start: clamp(passage.start, textLength), end: clamp(passage.end, textLength) }))
    .filter((passage) => passage.end > passage.start);
  for (const passage of inside) {
    bounds.add(passage.start);
    bounds.add(passage.end);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = inside.filter((passage) => passage.start <= start && passage.end >= end);
    segments.push({ start, end, nodeIds: covering.map((passage) => passage.nodeId), changed: covering.some((passage) => passage.changed) });
  }
  return segments;
}

/**
 * The segment a caret at `offset` is in. At a boundary the caret touches two: a quoted one wins
 * (a caret just before or just after a passage's words is at that passage).
 */
export function segmentAt(segments: readonly TextSegment[], offset: number): TextSegment | undefined {
  const touching = segments.filter((segment) => segment.start <= offset && offset <= segment.end);
  return touching.find((segment) => segment.nodeIds.length > 0) ?? touching[0];
}

function clamp(value: number, length: number): number {
  return Math.max(0, Math.min(length, value));
}
