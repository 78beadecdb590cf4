import { describe, expect, it } from "vitest";
import type { Presence } from "../map/presence";
import { NO_DRAGS, NO_MARKS, ownTabs, remoteDrags, remoteNodeMarks, rosterOf } from "./presence-view";

const peer = (clientId: string, patch: Partial<Presence> = {}): Presence => ({
  clientId,
  name: clientId.toUpperCase(),
  colour: "#0f766e",
  selection: [],
  pointer: null,
  dragging: [],
  editing: null,
  presenting: null,
  leaving: false,
  ...patch,
});

describe("presence view", () => {
  it("a moving pointer changes neither the roster, the node marks nor the drags", () => {
    const before = [peer("a", { selection: ["n1"], editing: "n2", dragging: [{ id: "n3", x: 1, y: 2 }], pointer: { x: 0, y: 0 } })];
    const after = [{ ...before[0]!, pointer: { x: 50, y: 80 } }];
    const roster = rosterOf(before);
    const marks = remoteNodeMarks(before);
    const drags = remoteDrags(before);
    expect(rosterOf(after, roster)).toBe(roster);
    expect(remoteNodeMarks(after, marks)).toBe(marks);
    expect(remoteDrags(after, drags)).toBe(drags);
  });

  it("a selection change replaces only the marks of the nodes it touches", () => {
    const marks = remoteNodeMarks([peer("a", { selection: ["n1", "n2"] })]);
    const next = remoteNodeMarks([peer("a", { selection: ["n1", "n3"] })], marks);
    expect(next).not.toBe(marks);
    expect(next.get("n1")).toBe(marks.get("n1"));
    expect(next.has("n2")).toBe(false);
    expect(next.get("n3")?.selectedBy.map((tag) => tag.name)).toEqual(["A"]);
  });

  it("someone typing in a node is shown as editing it", () => {
    const marks = remoteNodeMarks([peer("a", { selection: ["n1"], editing: "n1" }), peer("b", { selection: ["n1"] })]);
    expect(marks.get("n1")!.editingBy.map((tag) => tag.name)).toEqual(["A"]);
    expect(marks.get("n1")!.selectedBy.map((tag) => tag.name)).toEqual(["A", "B"]);
  });

  it("a renamed peer re-marks their nodes and re-orders the roster", () => {
    const peers = [peer("a", { name: "Zed", selection: ["n1"] }), peer("b", { name: "Bo" })];
    const roster = rosterOf(peers);
    expect(roster.map((tag) => tag.name)).toEqual(["Bo", "Zed"]);
    const marks = remoteNodeMarks(peers);
    const renamed = [{ ...peers[0]!, name: "Al" }, peers[1]!];
    expect(rosterOf(renamed, roster).map((tag) => tag.name)).toEqual(["Al", "Bo"]);
    expect(remoteNodeMarks(renamed, marks).get("n1")).not.toBe(marks.get("n1"));
  });

  it("drags follow the streamed positions and end when dragging clears", () => {
    const drags = remoteDrags([peer("a", { dragging: [{ id: "n1", x: 10, y: 20 }] })]);
    expect(drags.get("n1")).toEqual({ x: 10, y: 20 });
    const moved = remoteDrags([peer("a", { dragging: [{ id: "n1", x: 15, y: 20 }] })], drags);
    expect(moved.get("n1")).toEqual({ x: 15, y: 20 });
    expect(remoteDrags([peer("a")], moved)).toEqual(NO_DRAGS);
  });

  it("nobody here means nothing to show", () => {
    expect(remoteNodeMarks([], NO_MARKS)).toBe(NO_MARKS);
    expect(remoteDrags([], NO_DRAGS)).toBe(NO_DRAGS);
  });

  it("shows a person once however many tabs they have open, with the tabs counted; my own tabs count on me", () => {
    const peers = [
      peer("a1", { name: "Ada", personId: "u_ada" }),
      peer("a2", { name: "Ada", personId: "u_ada", selection: ["n1"], editing: "n1" }),
      peer("a3", { name: "Ada", personId: "u_ada", selection: ["n1"] }),
      peer("b1", { name: "Ben", personId: "u_ben" }),
      peer("me2", { name: "Me", personId: "u_me" }),
      peer("old", { name: "Old client" }),
    ];
    expect(rosterOf(peers, undefined, "u_me").map((tag) => [tag.name, tag.tabs])).toEqual([
      ["Ada", 3],
      ["Ben", 1],
      ["Old client", 1],
    ]);
    expect(ownTabs(peers, "u_me")).toBe(2);
    const marks = remoteNodeMarks(peers).get("n1")!;
    expect(marks.selectedBy.map((tag) => tag.name)).toEqual(["Ada"]);
    expect(marks.editingBy.map((tag) => tag.name)).toEqual(["Ada"]);
  });

  it("a tab closing takes one from the count, not the person", () => {
    const both = [peer("a1", { name: "Ada", personId: "u_ada" }), peer("a2", { name: "Ada", personId: "u_ada" })];
    const roster = rosterOf(both);
    const one = rosterOf([both[1]!], roster);
    expect(one.map((tag) => [tag.name, tag.tabs])).toEqual([["Ada", 1]]);
  });
});
