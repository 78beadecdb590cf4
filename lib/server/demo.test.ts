import { describe, expect, it } from "vitest";
import { checkNodeQuote } from "../map/quotes/check";
import { demoDoc } from "./demo";

describe("the seeded demo", () => {
  it("anchors every quote in its source: the words are found, with context on at least one side", () => {
    const doc = demoDoc();
    const quoting = Object.values(doc.nodes).filter((node) => node.quote);
    expect(quoting.length).toBeGreaterThan(0);
    for (const node of quoting) {
      expect(checkNodeQuote(doc, node).status, node.id).toBe("found");
      expect(node.quotePrefix.length + node.quoteSuffix.length, node.id).toBeGreaterThan(0);
    }
  });
});
