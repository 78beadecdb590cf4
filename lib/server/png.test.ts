import { describe, expect, it } from "vitest";
import { docOf, node } from "../map/testing/fixtures";
import { pngScale } from "../map/exchange/pngDrawing";
import { mapToPng } from "./png";

const sizeOf = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("pngScale", () => {
  it.each([
    ["a small map, at twice its size for sharp text", 800, 600, 2],
    ["a wide map, to 8000 pixels across", 16_000, 1_000, 0.5],
    ["a tall map, to 8000 pixels down", 1_000, 40_000, 0.2],
    ["a large square map, to 12 million pixels", 10_000, 10_000, Math.sqrt(0.12)],
  ])("draws %s", (_what, width, height, scale) => {
    expect(pngScale(width, height)).toBeCloseTo(scale, 5);
  });
});

describe("mapToPng", () => {
  it("rasterizes the SVG drawing to a PNG of the scaled size", async () => {
    const png = await mapToPng(docOf({ nodes: [node("a", { text: "A claim" })] }), []);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(sizeOf(png).width % 2).toBe(0);
  });

  it("draws a map wider than 8000 pixels smaller, to fit (and without words, which would be a blur)", async () => {
    const nodes = Array.from({ length: 400 }, (_, i) => node(`n${i}`, { text: `Statement ${i} with some words in it`, x: i * 300 }));
    const png = await mapToPng(docOf({ nodes }), []);
    expect(sizeOf(png).width).toBe(8000);
  });
});
