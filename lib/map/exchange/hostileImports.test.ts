/**
 * Every parser reads adversarial input in linear time, and stops at a limit when it reaches it.
 * Each input here is the issue-12 attack grown to the request body limit (2 MB): a parser that is
 * quadratic on it would run for hours, so it fails by the test's timeout by a wide margin, while
 * a linear one reads it in a fraction of a second.
 */
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits";
import { estimateNodeSize } from "../layout";
import { fanOutAif, tangledArgdown, trailingSpaceArgdown } from "../testing/hostileInputs";
import { importedDoc, importRefusal } from "../testing/imports";
import { parseAifImport } from "./aif";
import { parseArgdownImport } from "./argdownImport";
import { parseMapImport } from "./import";

const BODY_LIMIT = LIMITS.requestBody;

describe("Argdown import on adversarial input", () => {
  it("reads 'a', 2 MB of spaces and 'x' (a trailing-space regex was quadratic here), and refuses its length", () => {
    const error = importRefusal(parseArgdownImport(trailingSpaceArgdown(BODY_LIMIT - 2)));
    expect(error).toEqual({ code: "too_large", message: `line 1: the text is ${BODY_LIMIT} characters long; a node's text holds at most ${LIMITS.nodeTextLength}` });
  });

  it("reads a line of 2 MB of spaces after a statement without trimming it again and again", () => {
    const doc = importedDoc(parseArgdownImport(`[A]: a claim${" ".repeat(BODY_LIMIT - 20)}\n`));
    expect(Object.values(doc.nodes).map((node) => node.text)).toEqual(["a claim"]);
  });

  it("refuses 2 MB of '[' with no ']' after scanning the line once, not once per bracket", () => {
    const error = importRefusal(parseArgdownImport(`${"[".repeat(BODY_LIMIT)}\n`));
    expect(error.message).toMatch(/line 1: .*never closed/);
  });

  it("reads a data value with 2 MB of spaces and no comment after them (a ' #' regex was quadratic here)", () => {
    expect(importRefusal(parseArgdownImport(`[A]: a claim {speaker: Ada${" ".repeat(BODY_LIMIT - 40)}Lovelace}\n`)).message).toMatch(/^line 1: the speaker is \d+ characters long/);
    const doc = importedDoc(parseArgdownImport(`[A]: a claim {speaker: Ada   Lovelace    # who said it}\n`));
    expect(Object.values(doc.nodes)[0]!.speaker).toBe("Ada   Lovelace");
  });

  it("reads 2 MB of '#' and of indentation without backtracking", () => {
    expect(importRefusal(parseArgdownImport(`[A]: a\n${"#".repeat(BODY_LIMIT / 2)}x\n${" ".repeat(BODY_LIMIT / 2)}y`)).message).toMatch(/line 3/);
  });

  it("imports 5,000 statements with 15,000 links that a layered layout cannot untangle, each at its own place", () => {
    const doc = importedDoc(parseArgdownImport(tangledArgdown()));
    const nodes = Object.values(doc.nodes);
    expect(nodes).toHaveLength(5_000);
    expect(Object.keys(doc.edges).length).toBeGreaterThan(14_000);
    // Laid out (in rows of its layers): no two cards overlap.
    const boxes = nodes.map((node) => ({ x: node.x, y: node.y, ...estimateNodeSize(node) }));
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j]!;
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
      }
    }
    expect(overlaps).toBe(0);
  });
});

describe("AIF import on adversarial input", () => {
  it("stops a scheme node's premises × conclusions at the link limit, not after making them all", () => {
    // 20,000 × 20,000 would be 400 million links: made before checking, they would never finish.
    const error = importRefusal(parseAifImport(fanOutAif(20_000, 20_000)));
    expect(error.code).toBe("too_large");
    expect(error.message).toContain(`at most ${LIMITS.edgesPerMap} links`);
    expect(error.message).toContain('"ra" (20000 premises × 20000 conclusions)');
  });

  it("still imports a scheme node whose premises × conclusions fit", () => {
    const doc = importedDoc(parseMapImport(JSON.stringify(fanOutAif(300, 3)), "application/json"));
    expect(Object.keys(doc.nodes)).toHaveLength(303);
    expect(Object.keys(doc.edges)).toHaveLength(900);
  });
});
