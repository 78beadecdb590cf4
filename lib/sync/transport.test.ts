/** The event stream follows the browser's own online/offline signals instead of waiting for a dead socket to time out. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { StreamStatus } from "./protocol";
import { httpTransport } from "./transport";

class FakeEventSource {
  static CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, (event: { data: string }) => void>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: { data: string }) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  deliver(type: string, data: unknown) {
    this.listeners.get(type)?.({ data: JSON.stringify(data) });
  }
}

let window: EventTarget;
beforeEach(() => {
  FakeEventSource.opened = [];
  window = new EventTarget();
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal("addEventListener", window.addEventListener.bind(window));
  vi.stubGlobal("removeEventListener", window.removeEventListener.bind(window));
});
afterEach(() => vi.unstubAllGlobals());

function open(since = 0) {
  const statuses: StreamStatus[] = [];
  const close = httpTransport("t").openStream(since, { onOp: () => {}, onStatus: (status) => statuses.push(status), onGone: () => {} });
  return { statuses, close };
}

describe("event stream", () => {
  it("going offline closes the stream and says so at once", () => {
    const { statuses } = open();
    FakeEventSource.opened[0]!.onopen?.();
    window.dispatchEvent(new Event("offline"));
    expect(statuses.at(-1)).toBe("closed");
    expect(FakeEventSource.opened[0]!.readyState).toBe(FakeEventSource.CLOSED);
  });

  it("coming back online reopens it after the last op it delivered", () => {
    open(3);
    const first = FakeEventSource.opened[0]!;
    first.deliver("op", { revision: 7, clientId: "c", clientOpId: "o", author: "", op: { type: "deleteEdge", id: "e" } });
    window.dispatchEvent(new Event("offline"));
    window.dispatchEvent(new Event("online"));
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(FakeEventSource.opened[1]!.url).toBe("/api/maps/t/events?since=7");
  });

  it("a closed stream ignores the network coming and going", () => {
    const { statuses, close } = open();
    close();
    const before = statuses.length;
    window.dispatchEvent(new Event("offline"));
    window.dispatchEvent(new Event("online"));
    expect(statuses).toHaveLength(before);
    expect(FakeEventSource.opened).toHaveLength(1);
  });
});
