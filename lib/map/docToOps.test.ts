import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { opsForDoc } from "./docToOps";
import { applyOps } from "./inverse";
import { opSchema } from "./ops";
import { opSeedsArb, playSeeds } from "./testing/opSequences";
import { debate } from "./testing/fixtures";
import { emptyDoc } from "./types";

describe("opsForDoc", () => {
  it("adds sources, then nodes, then links, then sets the title and description", () => {
    expect(opsForDoc(debate()).map((op) => op.type)).toEqual([
      "addSource",
      "addNode",
      "addNode",
      "addNode",
      "addEdge",
      "addEdge",
      "updateMap",
    ]);
  });

  it("rebuilds any doc from an empty map, with ops the server's schema accepts", () => {
    fc.assert(
      fc.property(opSeedsArb, (seeds) => {
        const { end } = playSeeds(emptyDoc(), seeds);
        const ops = opsForDoc(end);
        for (const op of ops) expect(opSchema.safeParse(op).success).toBe(true);
        expect(applyOps(emptyDoc({ title: "New map" }), ops)).toEqual({ ok: true, doc: end, diff: expect.anything() });
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the new map's own title when the doc's title is blank", () => {
    const ops = opsForDoc({ ...emptyDoc(), meta: { title: " ", description: "", presentation: null } });
    expect(ops).toEqual([{ type: "updateMap", patch: { description: "", presentation: null } }]);
  });
});
