/** A link revoked while the map is open: the client says so and stops taking changes. */
import { describe, expect, it } from "vitest";
import type { Op } from "../map/ops";
import { createSyncClient } from "./client";
import { memoryBrowser } from "./testing/memory-browser";
import type { OpsRequest, StreamHandlers, Transport } from "./protocol";

function revocableTransport() {
  const posted: OpsRequest[] = [];
  let handlers: StreamHandlers | undefined;
  const transport: Transport = {
    async postOps(request) {
      posted.push(request);
      return { kind: "ok", response: { revision: 0, applied: [], rejected: [] } };
    },
    openStream(_since, streamHandlers) {
      handlers = streamHandlers;
      streamHandlers.onStatus("open");
      return () => {};
    },
  };
  return { transport, posted, revoke: () => handlers?.onGone() };
}

const claim: Op = { type: "addNode", node: { id: "a", kind: "claim", text: "a", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 0, y: 0 } };
const snapshot = { map: { id: "m", title: "Map", description: "" }, nodes: [], edges: [], sources: [], revision: 0 };

describe("a revoked link", () => {
  it("sets the connection to revoked with a message, and refuses every later change", () => {
    const net = revocableTransport();
    const client = createSyncClient({ token: "t", snapshot, role: "edit", transport: net.transport, ...memoryBrowser() });
    expect(client.getState().connection).toBe("connected");
    net.revoke();
    expect(client.getState().connection).toBe("revoked");
    expect(client.getState().error).toMatch(/no longer works/);
    expect(client.dispatch([claim])).toBe(false);
    expect(client.getState().doc.nodes).toEqual({});
    expect(net.posted).toEqual([]);
    client.dispose();
  });
});
