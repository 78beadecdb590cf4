/**
 * Moving the selection across the canvas with the arrow keys: the node a reader's eye goes to
 * next in that direction. Candidates lie ahead (their centre past ours along the axis); the score
 * is the distance ahead plus twice the sideways offset, so a node straight ahead beats a nearer
 * one off to the side, as in browsers' spatial navigation.
 */
export type Direction = "up" | "down" | "left" | "right";

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const ARROWS: Record<string, Direction> = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };

/** The direction an arrow key names, or null for any other key. */
export function directionOfKey(key: string): Direction | null {
  return ARROWS[key] ?? null;
}

const SIDEWAYS_WEIGHT = 2;

export function nearestInDirection(from: Box, others: readonly Box[], direction: Direction): string | null {
  const centreX = from.x + from.width / 2;
  const centreY = from.y + from.height / 2;
  let best: { id: string; score: number } | null = null;
  for (const other of others) {
    if (other.id === from.id) continue;
    const dx = other.x + other.width / 2 - centreX;
    const dy = other.y + other.height / 2 - centreY;
    const [ahead, sideways] =
      direction === "up" ? [-dy, dx] : direction === "down" ? [dy, dx] : direction === "left" ? [-dx, dy] : [dx, dy];
    if (ahead <= 0) continue;
    const score = ahead + SIDEWAYS_WEIGHT * Math.abs(sideways);
    if (!best || score < best.score) best = { id: other.id, score };
  }
  return best?.id ?? null;
}
