/**
 * Every parser reads adversarial input in linear time, and stops at a limit when it reaches it.
 * Each input here is the issue-12 attack grown to the request body limit (2 MB): a parser that is
 * quadratic on it would run for hours, so it fails by the test's timeout by a wide margin, while
 * a linear one reads it in seconds. Argdown is read by @argdown/core behind the linear guards of
 * argdownCost.ts (their own tests are in argdownCost.test.ts).
 */
import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits";
import { estimateNodeSize } from "../layout";
import { fanOutAif, tangledArgdown, trailingSpaceArgdown, unclosedBracketsArgdown } from "../testing/hostileInputs";
import { importedDoc, importRefusal } from "../testing/imports";
import { parseAifImport } from "./aif";
import { parseArgdownImport } from "./argdownImport";
import { parseMapImport } from "./import";

const BODY_LIMIT = LIMITS.requestBody;

describe("Argdown import on adversarial input", () => {
  it("reads 'a', 2 MB of spaces and 'x' (a trailing-space regex was quadratic here) as Argdown does: one statement 'a x'", async () => {
    const doc = importedDoc(await parseArgdownImport(trailingSpaceArgdown(BODY_LIMIT - 2)));
    expect(Object.values(doc.nodes).map((node) => node.text)).toEqual(["a x"]);
  });

  it("reads a line of 2 MB of spaces after a statement", async () => {
    const doc = importedDoc(await parseArgdownImport(`[A]: a claim${" ".repeat(BODY_LIMIT - 20)}\n`));
    expect(Object.values(doc.nodes).map((node) => node.text)).toEqual(["a claim"]);
  });

  it("refuses 2 MB of '[' with no ']', and lines of '[' then a data block never closed, before the parser runs", async () => {
    for (const text of [`${"[".repeat(BODY_LIMIT)}\n`, unclosedBracketsArgdown(BODY_LIMIT / 2)]) {
      const error = importRefusal(await parseArgdownImport(text));
      expect(error).toMatchObject({ code: "too_large" });
      expect(error.message).toMatch(/^line 1: too many unclosed/);
    }
  });

  it("refuses a data value of 2 MB of spaces by the speaker's limit", async () => {
    const error = importRefusal(await parseArgdownImport(`[A]: a claim {speaker: Ada${" ".repeat(BODY_LIMIT - 40)}Lovelace}\n`));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/^\[A\] \(line 1\): the speaker is \d+ characters long; a node's speaker holds at most/);
  });

  it("refuses 2 MB of '#' and of indentation, naming the line", async () => {
    const error = importRefusal(await parseArgdownImport(`[A]: a\n${"#".repeat(BODY_LIMIT / 2)}x\n${" ".repeat(BODY_LIMIT / 2)}y`));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/^line 2: /);
  });

  it("imports 5,000 statements with 15,000 links that a layered layout cannot untangle, each at its own place", { timeout: 120_000 }, async () => {
    const doc = importedDoc(await parseArgdownImport(tangledArgdown()));
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
  it("stops a scheme node's links at the link limit while building, not after making them all", () => {
    // 20,000 premises and 20,000 conclusions: one linked argument whose links pass the limit.
    const error = importRefusal(parseAifImport(fanOutAif(20_000, 20_000)));
    expect(error.code).toBe("too_large");
    expect(error.message).toContain(`at most ${LIMITS.edgesPerMap} links`);
    expect(error.message).toContain('scheme node "ra"');
  });

  it("still imports a scheme node whose links fit: 300 linked premises of one argument that supports 3 conclusions", async () => {
    const doc = importedDoc(await parseMapImport(JSON.stringify(fanOutAif(300, 3)), "application/json"));
    expect(Object.values(doc.nodes).filter((node) => node.kind === "argument")).toHaveLength(1);
    expect(Object.keys(doc.nodes)).toHaveLength(304);
    const relations = Object.values(doc.edges).map((edge) => edge.relation);
    expect([relations.filter((relation) => relation === "premise").length, relations.filter((relation) => relation === "supports").length]).toEqual([300, 3]);
  });
});
