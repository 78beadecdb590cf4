/** Quotes and their anchors in the data layer: written by ops, read back from the tables, bounded. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import opsRoute from "../../pages/api/maps/[token]/ops";
import { parseOp, type Op } from "../map/ops";
import { emptyDoc } from "../map/types";
import { applyClientOps } from "./apply-ops";
import { forget } from "./doc-store";
import { createMapFromDoc, readSnapshot } from "./maps";
import { useTempDatabase } from "./testing/temp-database";
import { postJson } from "./testing/node-route";

let database: Awaited<ReturnType<typeof useTempDatabase>>;
beforeAll(async () => {
  database = await useTempDatabase();
});
afterAll(() => database.dispose());

const TEXT = "Before the words. “The wall will hold,” said the engineer. After the words.";

async function mapWithSource() {
  const created = await createMapFromDoc(emptyDoc({ title: "Quotes" }), "http://argumap.test");
  const ops: Op[] = [
    { type: "addSource", source: { id: "s1", title: "Minutes", publisher: "", author: "", date: "", url: "", text: TEXT } },
    {
      type: "addNode",
      node: { id: "n1", kind: "support", text: "It holds", speaker: "", sourceId: "s1", quote: "The wall will hold", quotePrefix: "Before the words. “", quoteSuffix: ",” said the engineer.", baseScore: null, x: 0, y: 0 },
    },
  ];
  const outcome = await applyClientOps({ mapId: created.id, clientId: "c", author: "Ada", ops: ops.map((op, i) => ({ ...op, clientOpId: `o${i}` })) });
  expect(outcome.rejected).toEqual([]);
  return { ...created, owner: created.links.owner.split("/m/")[1]! };
}

describe("a quote's anchor in the data layer", () => {
  it("is stored with the node and read back from the tables, and an update changes it", async () => {
    const map = await mapWithSource();
    forget(map.id);
    expect((await readSnapshot(map.id))?.nodes[0]).toMatchObject({ quote: "The wall will hold", quotePrefix: "Before the words. “", quoteSuffix: ",” said the engineer." });
    await applyClientOps({ mapId: map.id, clientId: "c", author: "Ada", ops: [{ clientOpId: "u", type: "updateNode", id: "n1", patch: { quote: "After the words.", quotePrefix: "said the engineer. ", quoteSuffix: "" } }] });
    forget(map.id);
    expect((await readSnapshot(map.id))?.nodes[0]).toMatchObject({ quote: "After the words.", quotePrefix: "said the engineer. ", quoteSuffix: "" });
  });

  it("defaults to no context for clients that send none", () => {
    const parsed = parseOp({ type: "addNode", node: { id: "n", kind: "claim", text: "", quote: "x", x: 0, y: 0 } });
    expect(parsed.ok && parsed.op.type === "addNode" && [parsed.op.node.quotePrefix, parsed.op.node.quoteSuffix]).toEqual(["", ""]);
  });

  it("refuses a context longer than 64 characters with 413, applying nothing", async () => {
    const map = await mapWithSource();
    const response = await postJson(opsRoute, { token: map.owner }, { clientId: "c", ops: [{ clientOpId: "long", type: "updateNode", id: "n1", patch: { quotePrefix: "x".repeat(65) } }] });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
    forget(map.id);
    expect((await readSnapshot(map.id))?.nodes[0]?.quotePrefix).toBe("Before the words. “");
  });
});
