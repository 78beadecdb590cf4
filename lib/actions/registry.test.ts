import { describe, expect, it } from "vitest";
import type { Op } from "../map/ops";
import type { ArgEdge, ArgNode, MapDoc, Role } from "../map/types";
import { ACTIONS, actionById, actionForKey, conflictingShortcuts } from "./registry";
import { movesFromLayout } from "./layoutMoves";
import { linkNodes } from "./link";
import { formatShortcut, type KeyPress } from "./shortcuts";
import type { ActionContext, DocumentAction, EditorAction } from "./types";

const SIZE = { width: 200, height: 100 };

function node(id: string, kind: ArgNode["kind"], x: number, y: number): ArgNode {
  return { id, kind, text: id, speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x, y };
}

function edge(id: string, from: string, to: string, relation: ArgEdge["relation"]): ArgEdge {
  return { id, from, to, relation };
}

/** A claim with one support under it, and a loose rebuttal far away. */
function sampleDoc(): MapDoc {
  return {
    meta: { title: "Sample", description: "", presentation: null },
    nodes: {
      claim: node("claim", "claim", 0, 0),
      reason: node("reason", "support", 0, 200),
      loose: node("loose", "rebuttal", 2000, 2000),
    },
    edges: { link: edge("link", "reason", "claim", "supports") },
    sources: {},
  };
}

function context(overrides: Partial<ActionContext> & { nodeIds?: string[]; edgeIds?: string[]; role?: Role } = {}) {
  let counter = 0;
  return {
    doc: sampleDoc(),
    role: "owner" as Role,
    canUndo: false,
    canRedo: false,
    insertionPoint: () => ({ x: 1000, y: -1000 }),
    sizeOf: () => SIZE,
    newId: () => `new${++counter}`,
    ...overrides,
    selection: { nodeIds: overrides.nodeIds ?? [], edgeIds: overrides.edgeIds ?? [] },
  } satisfies ActionContext;
}

function perform(id: string, ctx: ActionContext): Op[] | false {
  const action = actionById(id);
  if (action.kind !== "ops") throw new Error(`${id} is not a document action`);
  return (action as DocumentAction).perform(ctx);
}

const press = (key: string, mods: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("the action registry", () => {
  it("has no shortcut that two actions claim", () => {
    expect([...conflictingShortcuts().entries()]).toEqual([]);
  });

  it("has unique action ids", () => {
    const ids = ACTIONS.map((action) => action.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("detects a key claimed twice, and such a key triggers nothing", () => {
    const clash: EditorAction[] = [actionById("addClaim"), { ...actionById("fitView"), id: "other", shortcuts: [{ key: "C" }] }];
    expect(conflictingShortcuts(clash).get("c")).toEqual(["addClaim", "other"]);
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(actionForKey(press("c"), clash)).toBeNull();
    } finally {
      console.error = quiet;
    }
  });
});

describe("keys map to actions", () => {
  it.each([
    ["c", press("c"), "addClaim"],
    ["S", press("S"), "addSupportTo"],
    ["r", press("r"), "addRebuttalTo"],
    ["Delete", press("Delete"), "deleteSelection"],
    ["Backspace", press("Backspace"), "deleteSelection"],
    ["Enter", press("Enter"), "editText"],
    ["Ctrl+Z", press("z", { ctrlKey: true }), "undo"],
    ["Cmd+Z", press("z", { metaKey: true }), "undo"],
    ["Ctrl+Shift+Z", press("Z", { ctrlKey: true, shiftKey: true }), "redo"],
    ["Cmd+Shift+Z", press("z", { metaKey: true, shiftKey: true }), "redo"],
    ["Ctrl+Y", press("y", { ctrlKey: true }), "redo"],
    ["? (typed with Shift)", press("?", { shiftKey: true }), "showShortcuts"],
    ["Escape", press("Escape"), "clearSelection"],
  ])("%s → %s", (_name, keyPress, expected) => {
    expect(actionForKey(keyPress)?.id).toBe(expected);
  });

  it.each([
    ["Ctrl+C (copy) is not add claim", press("c", { ctrlKey: true })],
    ["Shift+S is not add support", press("S", { shiftKey: true })],
    ["Alt+R is not add rebuttal", press("r", { altKey: true })],
    ["an unbound key", press("j")],
  ])("%s", (_name, keyPress) => {
    expect(actionForKey(keyPress)).toBeNull();
  });

  it("prints shortcuts for each platform", () => {
    expect(formatShortcut({ key: "z", mod: true, shift: true }, false)).toBe("Ctrl+Shift+Z");
    expect(formatShortcut({ key: "z", mod: true, shift: true }, true)).toBe("⌘⇧Z");
    expect(formatShortcut({ key: "?" }, false)).toBe("?");
  });
});

describe("adding nodes", () => {
  it("adds an empty claim centred on the insertion point when nothing is selected", () => {
    expect(perform("addClaim", context())).toEqual([
      {
        type: "addNode",
        node: { id: "new1", kind: "claim", text: "", speaker: "", sourceId: null, quote: "", quotePrefix: "", quoteSuffix: "", baseScore: null, x: 900, y: -1050 },
      },
    ]);
  });

  it("adds a support below the one selected node and links it with supports", () => {
    const ops = perform("addSupportTo", context({ nodeIds: ["claim"] }));
    expect(ops).toMatchObject([
      { type: "addNode", node: { id: "new1", kind: "support" } },
      { type: "addEdge", edge: { id: "new2", from: "new1", to: "claim", relation: "supports" } },
    ]);
  });

  it("adds a rebuttal to the selected node with rebuts, beside the existing reason, overlapping nothing", () => {
    const ops = perform("addRebuttalTo", context({ nodeIds: ["claim"] }));
    expect(ops).toMatchObject([
      { type: "addNode", node: { kind: "rebuttal" } },
      { type: "addEdge", edge: { from: "new1", to: "claim", relation: "rebuts" } },
    ]);
    const added = ops && ops[0]?.type === "addNode" ? ops[0].node : null;
    expect(added?.y).toBeGreaterThan(100); // below the claim
    expect(added?.x).toBeGreaterThanOrEqual(200); // right of the support already under it
  });

  it("adds an unlinked support when several nodes are selected", () => {
    const ops = perform("addSupportTo", context({ nodeIds: ["claim", "loose"] }));
    expect(ops).toHaveLength(1);
    expect(ops).toMatchObject([{ type: "addNode", node: { kind: "support" } }]);
  });

  it("never places a new node on top of an existing one", () => {
    const ops = perform("addClaim", context({ insertionPoint: () => ({ x: 100, y: 50 }) }));
    const added = ops && ops[0]?.type === "addNode" ? ops[0].node : null;
    expect(added).not.toBeNull();
    expect(added!.x >= 200 || added!.y >= 100).toBe(true);
  });
});

describe("editing the selection", () => {
  it("deletes selected nodes with one deleteNodes op (their links go with them)", () => {
    expect(perform("deleteSelection", context({ nodeIds: ["claim"], edgeIds: ["link"] }))).toEqual([
      { type: "deleteNodes", ids: ["claim"] },
    ]);
  });

  it("deletes a selected link on its own", () => {
    expect(perform("deleteSelection", context({ edgeIds: ["link"] }))).toEqual([{ type: "deleteEdge", id: "link" }]);
  });

  it("has nothing to delete when nothing is selected", () => {
    const ctx = context();
    expect(actionById("deleteSelection").enabled(ctx)).toBe(false);
    expect(perform("deleteSelection", ctx)).toBe(false);
  });

  it("flips a link between supports and rebuts", () => {
    expect(perform("toggleRelation", context({ edgeIds: ["link"] }))).toEqual([
      { type: "updateEdge", id: "link", patch: { relation: "rebuts" } },
    ]);
  });
});

describe("roles and history", () => {
  it("offers no editing action to a view link, only ways of looking (find, fold, focus)", () => {
    const ctx = context({ role: "view", nodeIds: ["claim"], edgeIds: ["link"], canUndo: true, canRedo: true });
    const enabled = ACTIONS.filter((action) => action.enabled(ctx)).map((action) => action.id);
    expect(enabled.sort()).toEqual(["clearSelection", "find", "fitView", "focusNode", "selectAll", "showShortcuts", "toggleReasons"]);
  });

  it("folds only a node with reasons, and goes up only from a focus", () => {
    expect(actionById("toggleReasons").enabled(context({ nodeIds: ["claim"] }))).toBe(true);
    expect(actionById("focusUp").enabled(context({ nodeIds: ["claim"] }))).toBe(false);
    expect(actionById("focusUp").enabled({ ...context({ nodeIds: ["claim"] }), focus: "claim" })).toBe(true);
  });

  it("enables undo and redo only when there is something to undo or redo", () => {
    expect(actionById("undo").enabled(context())).toBe(false);
    expect(actionById("undo").enabled(context({ canUndo: true }))).toBe(true);
    expect(actionById("redo").enabled(context({ canRedo: true }))).toBe(true);
  });
});

describe("tidy layout", () => {
  it("moves only the nodes whose place changed, in one op", () => {
    const op = movesFromLayout(sampleDoc(), { claim: { x: 0, y: 0 }, reason: { x: 10.4, y: 200 }, gone: { x: 1, y: 1 } });
    expect(op).toEqual({ type: "moveNodes", moves: [{ id: "reason", x: 10, y: 200 }] });
  });

  it("gives no op when nothing moves", () => {
    expect(movesFromLayout(sampleDoc(), { claim: { x: 0, y: 0 } })).toBeNull();
  });
});

describe("linking two nodes", () => {
  it("takes the relation from the reason's kind", () => {
    const doc = sampleDoc();
    expect(linkNodes(doc, "loose", "claim", "e1")).toEqual({
      ok: true,
      edgeId: "e1",
      ops: [{ type: "addEdge", edge: { id: "e1", from: "loose", to: "claim", relation: "rebuts" } }],
    });
  });

  it.each([
    ["a self-link", "claim", "claim"],
    ["a duplicate link", "reason", "claim"],
    ["a link to a missing node", "reason", "nowhere"],
  ])("refuses %s", (_name, from, to) => {
    expect(linkNodes(sampleDoc(), from, to, "e1").ok).toBe(false);
  });
});
