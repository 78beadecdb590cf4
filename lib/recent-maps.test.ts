import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetMap, listRecentMaps, rememberMap, replaceMapToken } from "./recent-maps";

/** Just enough of a browser for the list: a localStorage and event listeners that do nothing. */
function fakeWindow() {
  const items = new Map<string, string>();
  const localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
  return { localStorage, addEventListener() {}, removeEventListener() {} };
}

beforeEach(() => {
  (globalThis as { window?: unknown }).window = fakeWindow();
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

const tokens = () => listRecentMaps().map((map) => `${map.token}:${map.role}`);

describe("recent maps", () => {
  it("lists the latest opened first, once each", () => {
    rememberMap({ token: "a", title: "A", role: "owner" });
    rememberMap({ token: "b", title: "B", role: "view" });
    rememberMap({ token: "a", title: "A", role: "owner" });
    expect(tokens()).toEqual(["a:owner", "b:view"]);
  });

  it("a rotated link's entry takes the new token and keeps its place, title and role", () => {
    rememberMap({ token: "old-view", title: "Homework", role: "view" });
    rememberMap({ token: "owner", title: "Homework", role: "owner" });
    replaceMapToken("old-view", "new-view");
    expect(tokens()).toEqual(["owner:owner", "new-view:view"]);
    expect(listRecentMaps()[1]!.title).toBe("Homework");
  });

  it("rotating a link this browser never opened adds nothing", () => {
    rememberMap({ token: "owner", title: "Homework", role: "owner" });
    replaceMapToken("someone-elses", "new-view");
    expect(tokens()).toEqual(["owner:owner"]);
  });

  it("a forgotten map leaves the list", () => {
    rememberMap({ token: "a", title: "A", role: "edit" });
    forgetMap("a");
    expect(tokens()).toEqual([]);
  });
});
