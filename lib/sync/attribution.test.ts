import { describe, expect, it } from "vitest";
import type { LoggedOp, Op } from "../map/ops";
import { createAttributionStore, describeAttribution } from "./attribution";

let revision = 0;
const logged = (author: string, op: Op): LoggedOp => ({ revision: ++revision, clientId: "c", clientOpId: `o${revision}`, author, op });
const add = (id: string): Op => ({ type: "addNode", node: { id, kind: "claim", text: "", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } });

describe("attribution", () => {
  it("follows ops after loading what the server knew, and newer ops win over an older load", () => {
    const store = createAttributionStore();
    store.record(logged("Ada", add("a")), "2026-01-01T00:00:00.000Z");
    store.record(logged("Ben", { type: "updateNode", id: "a", patch: { text: "x" } }), "2026-01-01T00:01:00.000Z");
    store.load(0, { a: { createdBy: "Old", createdAt: "2025-01-01T00:00:00.000Z", changedBy: "Old", changedAt: "2025-01-01T00:00:00.000Z" } });
    expect(store.get("a")).toMatchObject({ createdBy: "Ada", changedBy: "Ben" });
    expect(describeAttribution(store.get("a"))).toBe("Created by Ada · last changed by Ben");
  });

  it("a move is not a change; a node brought back keeps its creator", () => {
    const store = createAttributionStore();
    store.load(10, { a: { createdBy: "Ada", createdAt: "2026-01-01T00:00:00.000Z", changedBy: "Ada", changedAt: "2026-01-01T00:00:00.000Z" } });
    revision = 10;
    store.record(logged("Ben", { type: "moveNodes", moves: [{ id: "a", x: 1, y: 1 }] }));
    expect(store.get("a")?.changedBy).toBe("Ada");
    store.record(logged("Ben", { type: "deleteNodes", ids: ["a"] }));
    store.record(logged("Chloe", add("a")), "2026-02-01T00:00:00.000Z");
    expect(store.get("a")).toMatchObject({ createdBy: "Ada", changedBy: "Chloe" });
  });
});
