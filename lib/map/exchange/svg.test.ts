import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapDocArb } from "../testing/mapArb";
import { debate, docOf, edge, node, reasoned, source } from "../testing/fixtures";
import { emptyDoc, type MapDoc } from "../types";
import { drawMap, svgDocument, toSvg } from "./svg";

/**
 * A strict reading of the markup toSvg writes (no XML library here): every tag is closed in
 * order, attribute values are quoted, and text holds only characters XML allows, with &, < and >
 * written as entities. Returns the text content of every element, in order.
 */
function readMarkup(svg: string): string[] {
  const body = svg.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, "");
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|#39);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/y;
  const safeText = /^(?:[^&<>\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|&(?:amp|lt|gt|quot|#39);)*$/;
  const open: string[] = [];
  const texts: string[] = [];
  let at = 0;
  while (at < body.length) {
    token.lastIndex = at;
    const match = token.exec(body);
    if (!match) throw new Error(`malformed markup at ${at}: ${JSON.stringify(body.slice(at, at + 60))}`);
    at = token.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      if (!safeText.test(text)) throw new Error(`unsafe text ${JSON.stringify(text)}`);
      if (text.trim()) texts.push(text);
    } else if (closing) {
      if (open.pop() !== name) throw new Error(`</${name}> closes nothing open`);
    } else if (!selfClosing) {
      open.push(name!);
    }
  }
  if (open.length > 0) throw new Error(`unclosed <${open.join("> <")}>`);
  return texts;
}

const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

describe("toSvg", () => {
  it("is a standalone SVG file: declaration, namespace, a title and a description for screen readers", () => {
    const svg = toSvg(debate());
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title id="map-title">Alibaba in the US</title>');
    expect(svg).toContain("An argument map: 1 claim, 1 support, 1 rebuttal and 2 links.");
    expect(svg).not.toMatch(/<script|<image|<foreignObject|href="(?!#)/);
    readMarkup(svg);
  });

  it("draws each node at its position, saying its kind in words, with its speaker, source and quote", () => {
    const svg = toSvg(debate());
    expect(svg).toContain('<rect x="-100" y="200"');
    expect(svg).toContain('<rect x="100" y="200"');
    const texts = readMarkup(svg);
    expect(texts).toEqual(expect.arrayContaining(["CLAIM", "SUPPORT", "REBUTTAL", "Alibaba Cloud in the US is a", "security risk"]));
    // The source's name, shortened to leave room for the quote beside it.
    expect(texts).toContainEqual(expect.stringMatching(/^Wall Stre.*…$/));
    expect(texts).toContainEqual(expect.stringMatching(/^“answer/));
    const spoken = toSvg(docOf({ nodes: [node("a", { speaker: "Condoleezza Rice" })] }));
    expect(readMarkup(spoken)).toContain("Condoleezza Rice");
  });

  it("tells supports from rebuts by label and line style, not by colour alone", () => {
    const svg = toSvg(debate());
    const paths = svg.match(/<path d="M[^"]*"[^>]*marker-end[^>]*>/g) ?? [];
    expect(paths).toHaveLength(2);
    expect(paths.filter((path) => path.includes("stroke-dasharray"))).toHaveLength(1);
    expect(paths.find((path) => path.includes("stroke-dasharray"))).toContain("url(#arrow-rebuts)");
    expect(readMarkup(svg).filter((text) => text === "supports" || text === "rebuts").sort()).toEqual(["rebuts", "supports"]);
  });

  it("escapes everything the user wrote, in text and in titles", () => {
    const hostile = '<script>alert("x")</script> & \'quotes\' ]]> <!-- -->';
    const doc = {
      ...docOf({
        nodes: [node("a", { text: hostile, speaker: "<b>Rice</b>", sourceId: "s1", quote: "</text><text>" })],
        sources: [source("s1", { publisher: "A&B <Media>" })],
      }),
      meta: { title: "</title><script>", description: "", presentation: null },
    };
    const svg = toSvg(doc);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;");
    readMarkup(svg);
  });

  it("cuts a long text after 12 lines as the canvas does, keeping all of it in the node's title", () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const svg = toSvg(docOf({ nodes: [node("a", { text: long })] }));
    const lines = readMarkup(svg).filter((text) => text.startsWith("word"));
    expect(lines).toHaveLength(12);
    expect(lines[11]!.endsWith("…")).toBe(true);
    expect(svg).toContain(`<title>Support: ${long}</title>`);
  });

  it("breaks a word too long for one line between characters, never inside an emoji", () => {
    const svg = toSvg(docOf({ nodes: [node("a", { text: "😀".repeat(40) })] }));
    const lines = readMarkup(svg).filter((text) => text.startsWith("😀"));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe("😀".repeat(40));
  });

  it("frames every node and link inside the picture, with room for the title above", () => {
    const doc = docOf({ nodes: [node("a", { x: -500, y: -300 }), node("b", { x: 900, y: 1200 })], edges: [edge("e1", "b", "a")] });
    const drawing = drawMap(doc);
    expect(drawing.minX).toBeLessThan(-500);
    expect(drawing.minY).toBeLessThan(-300 - 40);
    expect(drawing.minX + drawing.width).toBeGreaterThan(900 + 260);
    expect(drawing.minY + drawing.height).toBeGreaterThan(1200 + 60);
  });

  it("scales the file's pixel size, not its drawing, for rasterizing", () => {
    const drawing = drawMap(debate());
    const svg = svgDocument(drawing, 2);
    expect(svg).toContain(`width="${Math.round(drawing.width * 2)}" height="${Math.round(drawing.height * 2)}"`);
    expect(svg).toContain(`viewBox="${drawing.minX} ${drawing.minY} `);
  });

  it("can draw the same picture without words, for a raster too small to read them", () => {
    const full = drawMap(debate());
    const bare = drawMap(debate(), { text: false });
    expect([bare.minX, bare.minY, bare.width, bare.height]).toEqual([full.minX, full.minY, full.width, full.height]);
    const svg = svgDocument(bare);
    expect(readMarkup(svg).filter((text) => text !== "Alibaba in the US" && !text.startsWith("An argument map") && !text.startsWith("Support “") && !text.startsWith("Rebuttal “"))).toEqual([]);
    expect(count(svg, /marker-end=/g)).toBe(2);
    expect(svg).toContain('stroke-dasharray="6 4"');
  });

  it("draws a reason of several premises as an argument box they join, and an undercut ending on the label of its link", () => {
    const svg = toSvg(reasoned());
    readMarkup(svg);
    expect(svg).toContain("An argument map: 2 claims, 1 support, 3 rebuttals, 1 argument and 6 links.");
    expect(count(svg, />ARGUMENT</g)).toBe(1);
    expect(svg).toContain("<title>Support “It would build data centres” is a premise of Argument “Jobs argument”</title>");
    expect(svg).toContain("<title>Rebuttal “They employ few once built” undercuts the link: Argument “Jobs argument” supports Claim “Allow Alibaba Cloud in the US”</title>");
    expect(count(svg, />premise</g)).toBe(0);
    // The undercut's curve ends on the edge of the supports link's label, wherever the route put it.
    const label = /<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" rx="[\d.]+" fill="#ffffff" stroke="#15803d"/.exec(svg);
    const undercut = /<path d="[^"]* ([\d.-]+) ([\d.-]+)" stroke="#b45309"/.exec(svg);
    expect(label && undercut).toBeTruthy();
    const [x, y, width, height] = label!.slice(1).map(Number) as [number, number, number, number];
    const [endX, endY] = [Number(undercut![1]), Number(undercut![2])];
    const onVerticalEdge = (Math.abs(endX - x) < 1 || Math.abs(endX - (x + width)) < 1) && endY >= y - 1 && endY <= y + height + 1;
    const onHorizontalEdge = (Math.abs(endY - y) < 1 || Math.abs(endY - (y + height)) < 1) && endX >= x - 1 && endX <= x + width + 1;
    expect(onVerticalEdge || onHorizontalEdge, `${endX},${endY} on ${x},${y} ${width}×${height}`).toBe(true);
  });

  it("draws an empty map as its title and a note", () => {
    const svg = toSvg(emptyDoc());
    expect(readMarkup(svg)).toEqual(["Untitled map", "An argument map: 0 claims, 0 supports, 0 rebuttals and 0 links.", "Untitled map", "This map has no nodes yet."]);
  });

  it("is well-formed for any map, whatever its text, with one box per node, one arrow per link and one joining line per premise", () => {
    const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "\0", "\uD800", "\uDC00", "\uFFFF", "a", " ", "\n"), maxLength: 20 }));
    fc.assert(
      fc.property(mapDocArb(anyText), (doc: MapDoc) => {
        const svg = toSvg(doc);
        readMarkup(svg);
        expect(count(svg, />(CLAIM|SUPPORT|REBUTTAL|ARGUMENT)</g)).toBe(Object.keys(doc.nodes).length);
        const premises = Object.values(doc.edges).filter((edge) => edge.relation === "premise").length;
        expect(count(svg, /marker-end=/g)).toBe(Object.keys(doc.edges).length - premises);
        expect(count(svg, /stroke="#475569"><title>/g)).toBe(premises);
        expect(count(svg, /url\(#arrow-undercuts\)/g)).toBe(Object.values(doc.edges).filter((edge) => edge.relation === "undercuts").length);
      }),
      { numRuns: 150 },
    );
  });
});
