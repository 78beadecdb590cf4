import { describe, expect, it } from "vitest";
import { directionOfKey, nearestInDirection, type Box, type Direction } from "./nearestNode";

const box = (id: string, x: number, y: number): Box => ({ id, x, y, width: 200, height: 100 });

/**
 *            claim (0,0)
 *   left (-300,250)   below (0,250)   right (300,250)
 *                     far (0,900)
 */
const boxes = [box("claim", 0, 0), box("left", -300, 250), box("below", 0, 250), box("right", 300, 250), box("far", 0, 900)];

describe("arrow keys move the selection to the nearest node in that direction", () => {
  it.each<[string, Direction, string | null]>([
    ["claim", "down", "below"],
    ["below", "down", "far"],
    ["below", "left", "left"],
    ["below", "right", "right"],
    ["below", "up", "claim"],
    ["left", "up", "claim"],
    ["left", "left", null],
    ["far", "down", null],
    ["claim", "right", "right"],
  ])("from %s, %s → %s", (from, direction, expected) => {
    expect(nearestInDirection(boxes.find((each) => each.id === from)!, boxes, direction)).toBe(expected);
  });

  it("prefers a node straight ahead to a nearer one far off to the side", () => {
    const from = box("from", 0, 0);
    expect(nearestInDirection(from, [box("aside", 500, 150), box("ahead", 0, 400)], "down")).toBe("ahead");
  });

  it("knows only the four arrow keys", () => {
    expect(directionOfKey("ArrowUp")).toBe("up");
    expect(directionOfKey("ArrowRight")).toBe("right");
    expect(directionOfKey("Enter")).toBeNull();
  });
});
