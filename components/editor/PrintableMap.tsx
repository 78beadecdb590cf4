"use client";
/**
 * Printing the canvas: the whole map, drawn as the SVG export draws it, scaled to the page, with
 * none of the interface. A map too big to read on one page is cut into pages (each an image of
 * one part of the same drawing), left to right, top to bottom. Drawn only when printing starts.
 */
import { useEffect, useState } from "react";
import { marksOf } from "@/lib/map/evaluation/report";
import type { MapDoc } from "@/lib/map/types";
import type { LiveEvaluation } from "../evaluation/useMapEvaluation";

/** A landscape A4 or Letter page less its margins, in CSS pixels (the browser scales to the real one). */
const PAGE = { width: 1000, height: 680 };
/** Below this scale the text would be too small to read on paper: use more pages instead. */
const SMALLEST_SCALE = 0.45;
const LARGEST_SCALE = 1.25;

interface Tile {
  url: string;
  label: string;
  /** The part of the drawing it shows: "minX minY width height", as its viewBox. */
  area: string;
}

async function drawPages(doc: MapDoc, evaluation: LiveEvaluation | null): Promise<Tile[]> {
  const { drawMap, svgDocument } = await import("@/lib/map/exchange/svg");
  // With "which claims stand" on, the paper shows it too, as the SVG export draws it.
  const drawing = drawMap(doc, { evaluation: evaluation ? marksOf(evaluation.evaluator, Object.keys(doc.nodes)) : undefined });
  const scale = Math.min(LARGEST_SCALE, Math.max(SMALLEST_SCALE, Math.min(PAGE.width / drawing.width, PAGE.height / drawing.height)));
  const [tileWidth, tileHeight] = [PAGE.width / scale, PAGE.height / scale];
  const [columns, rows] = [Math.max(1, Math.ceil(drawing.width / tileWidth - 0.01)), Math.max(1, Math.ceil(drawing.height / tileHeight - 0.01))];
  const tiles: Tile[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const part = { ...drawing, minX: drawing.minX + column * tileWidth, minY: drawing.minY + row * tileHeight, width: tileWidth, height: tileHeight };
      const url = URL.createObjectURL(new Blob([svgDocument(part)], { type: "image/svg+xml" }));
      const label = columns * rows === 1 ? "The whole map" : `Part ${row * columns + column + 1} of ${columns * rows} of the map`;
      tiles.push({ url, label, area: [part.minX, part.minY, part.width, part.height].map((value) => Math.round(value * 10) / 10).join(" ") });
    }
  }
  return tiles;
}

export function PrintableMap({ doc, active, evaluation = null }: { doc: MapDoc; active: boolean; evaluation?: LiveEvaluation | null }) {
  const [tiles, setTiles] = useState<Tile[] | null>(null);
  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    const prepare = () => {
      void drawPages(doc, evaluation).then((drawn) => {
        if (cancelled) drawn.forEach((tile) => URL.revokeObjectURL(tile.url));
        else setTiles(drawn);
      });
    };
    const print = window.matchMedia("print");
    const onMedia = () => print.matches && prepare();
    window.addEventListener("beforeprint", prepare);
    print.addEventListener("change", onMedia);
    return () => {
      cancelled = true;
      window.removeEventListener("beforeprint", prepare);
      print.removeEventListener("change", onMedia);
    };
  }, [doc, active, evaluation]);
  useEffect(() => () => tiles?.forEach((tile) => URL.revokeObjectURL(tile.url)), [tiles]);
  if (!active || !tiles) return null;
  return (
    <div className="print-map" data-testid="print-map" aria-hidden="true">
      {tiles.map((tile) => (
        // eslint-disable-next-line @next/next/no-img-element -- a generated picture, printed as is
        <img key={tile.url} src={tile.url} alt={tile.label} className="print-map__page" data-area={tile.area} />
      ))}
    </div>
  );
}
