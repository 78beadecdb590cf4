import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assumptionsFor, clearAssumptions, MAX_ASSUMPTIONS, overlayWanted, setAssumption, setOverlayWanted, subscribePersonalView } from "./personal-view";

function fakeWindow() {
  const items = new Map<string, string>();
  const localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
  return { localStorage, items, addEventListener() {}, removeEventListener() {} };
}

let browser: ReturnType<typeof fakeWindow>;
beforeEach(() => {
  browser = fakeWindow();
  (globalThis as { window?: unknown }).window = browser;
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe("the personal view (what if, and the overlay switch)", () => {
  it("keeps each map's assumptions apart, and returns the same object until they change", () => {
    setAssumption("map-a", "n1", "accept");
    setAssumption("map-a", "n2", "reject");
    setAssumption("map-b", "n1", "reject");
    const a = assumptionsFor("map-a");
    expect([...a]).toEqual([["n1", "accept"], ["n2", "reject"]]);
    expect(assumptionsFor("map-a")).toBe(a);
    expect([...assumptionsFor("map-b")]).toEqual([["n1", "reject"]]);
  });

  it("takes the map's word again for one node, or for all at once, and then keeps nothing", () => {
    setAssumption("m", "n1", "accept");
    setAssumption("m", "n2", "accept");
    setAssumption("m", "n1", null);
    expect([...assumptionsFor("m")]).toEqual([["n2", "accept"]]);
    clearAssumptions("m");
    expect(assumptionsFor("m").size).toBe(0);
    expect([...browser.items.keys()]).toEqual([]);
  });

  it("tells subscribers about every change", () => {
    let calls = 0;
    const stop = subscribePersonalView(() => calls++);
    setAssumption("m", "n1", "accept");
    setOverlayWanted(true);
    stop();
    setOverlayWanted(false);
    expect(calls).toBe(2);
  });

  it("ignores what it cannot read, and keeps at most MAX_ASSUMPTIONS", () => {
    browser.items.set("argumap.whatIf.v1:m", "{not json");
    expect(assumptionsFor("m").size).toBe(0);
    browser.items.set("argumap.whatIf.v1:m", JSON.stringify({ n1: "maybe" }));
    expect(assumptionsFor("m").size).toBe(0);
    for (let i = 0; i < MAX_ASSUMPTIONS + 5; i++) setAssumption("big", `n${i}`, "accept");
    expect(assumptionsFor("big").size).toBe(MAX_ASSUMPTIONS);
  });

  it("remembers whether the overlay is wanted (off by default)", () => {
    expect(overlayWanted()).toBe(false);
    setOverlayWanted(true);
    expect(overlayWanted()).toBe(true);
  });

  it("does nothing on the server", () => {
    delete (globalThis as { window?: unknown }).window;
    setAssumption("m", "n1", "accept");
    expect(assumptionsFor("m").size).toBe(0);
  });
});
