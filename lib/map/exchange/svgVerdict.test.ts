import { describe, expect, it } from "vitest";
import { evaluateMap } from "../evaluation/report";
import { debate } from "../testing/fixtures";
import { drawMap, toSvg } from "./svg";

describe("the SVG export's which-claims-stand pills", () => {
  const doc = debate();
  const evaluation = evaluateMap(doc);

  it("says each node's label in words, with its symbol and strength, on its top edge", () => {
    const svg = toSvg(doc, { evaluation });
    // c is rebutted by r, which nothing rebuts (s supports it as much as r rebuts it: 50%).
    expect(svg).toContain(">Defeated 50%</text>");
    expect(svg.match(/>Accepted 50%<\/text>/g)).toHaveLength(2);
    expect(svg).toContain('href="#icon-verdict-defeated"');
    expect(svg).toContain('<symbol id="icon-verdict-accepted"');
    // Told apart by border style too, not by colour alone.
    expect(svg).toMatch(/stroke="#b91c1c" stroke-width="1.5" stroke-dasharray="4 3"/);
  });

  it("explains the pills under the title and counts them in the description", () => {
    const svg = toSvg(doc, { evaluation });
    expect(svg).toContain("Which claims stand: accepted, defeated or undecided (grounded semantics)");
    expect(svg).toContain("Which claims stand: 2 accepted, 1 defeated, 0 undecided.</desc>");
  });

  it("keeps every pill inside the picture", () => {
    const plain = drawMap(doc);
    const marked = drawMap(doc, { evaluation });
    expect(marked.minY).toBeLessThan(plain.minY);
    const pillTops = [...toSvg(doc, { evaluation }).matchAll(/<g><rect x="[-\d.]+" y="([-\d.]+)" width="[\d.]+" height="20" rx="10" fill="#(?:f0fdf4|fef2f2|fffbeb)"/g)].map((m) => Number(m[1]));
    expect(pillTops).toHaveLength(3);
    for (const top of pillTops) expect(top).toBeGreaterThan(marked.minY);
  });

  it("draws none without an evaluation (the export's ?evaluation=off)", () => {
    const svg = toSvg(doc);
    expect(svg).not.toContain("Accepted");
    expect(svg).not.toContain("icon-verdict");
  });
});
