import { describe, expect, it } from "vitest";
import type { Presence } from "../map/presence";
import { presenterOf } from "./presenter";

const person = (clientId: string, fields: Partial<Presence> = {}): Presence => ({
  clientId,
  name: `Person ${clientId}`,
  colour: "#0f766e",
  selection: [],
  pointer: null,
  dragging: [],
  editing: null,
  presenting: null,
  leaving: false,
  ...fields,
});

describe("the presenter", () => {
  it("is nobody when no one presents", () => {
    expect(presenterOf([person("a"), person("b")])).toBeNull();
  });

  it("is the one whose presence carries a step", () => {
    expect(presenterOf([person("a"), person("b", { name: "Ms Rivera", presenting: { step: 3 } })])).toEqual({ clientId: "b", name: "Ms Rivera", colour: "#0f766e", step: 3 });
  });

  it("is the same one for everyone when two present: the first by client id", () => {
    const peers = [person("z", { presenting: { step: 1 } }), person("m", { presenting: { step: 5 } })];
    expect(presenterOf(peers)?.clientId).toBe("m");
    expect(presenterOf([...peers].reverse())?.clientId).toBe("m");
  });

  it("stays the same object while only pointers and selections move, so followers do not re-render", () => {
    const first = presenterOf([person("p", { presenting: { step: 2 } })]);
    const moved = presenterOf([person("p", { presenting: { step: 2 }, pointer: { x: 5, y: 9 }, selection: ["n1"] }), person("q", { pointer: { x: 1, y: 1 } })], first);
    expect(moved).toBe(first);
    expect(presenterOf([person("p", { presenting: { step: 3 } })], first)).toEqual({ ...first, step: 3 });
  });

  it("is gone once the presenter leaves", () => {
    expect(presenterOf([person("p", { presenting: { step: 2 }, leaving: true })])).toBeNull();
  });
});
