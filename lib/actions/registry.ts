/** The one list of editor actions. The toolbar, the key handler and the shortcuts dialog read it. */
import { addClaim, addRebuttalTo, addSupportTo } from "./addNode";
import { deleteSelection, toggleRelation } from "./editSelection";
import { clearSelection, editText, find, fitView, focusNode, focusUp, readSource, redo, selectAll, showShortcuts, tidyLayout, toggleReasons, undo } from "./effects";
import { link } from "./link";
import { addPremise, combinePremises, removePremise } from "./reasons";
import { undercutLink } from "./undercut";
import { matchesShortcut, shortcutId, type KeyPress } from "./shortcuts";
import type { EditorAction } from "./types";

export const ACTIONS: readonly EditorAction[] = [
  addClaim,
  addSupportTo,
  addRebuttalTo,
  addPremise,
  undercutLink,
  combinePremises,
  removePremise,
  link,
  editText,
  deleteSelection,
  toggleRelation,
  selectAll,
  clearSelection,
  undo,
  redo,
  tidyLayout,
  fitView,
  find,
  toggleReasons,
  focusNode,
  focusUp,
  readSource,
  showShortcuts,
];

const byId = new Map(ACTIONS.map((action) => [action.id, action]));

export function actionById(id: string): EditorAction {
  const action = byId.get(id);
  if (!action) throw new Error(`unknown editor action "${id}"`);
  return action;
}

/** Every shortcut that more than one action claims, with the claimants (should always be empty). */
export function conflictingShortcuts(actions: readonly EditorAction[] = ACTIONS): Map<string, string[]> {
  const claims = new Map<string, string[]>();
  for (const action of actions) {
    for (const shortcut of action.shortcuts) {
      const id = shortcutId(shortcut);
      claims.set(id, [...(claims.get(id) ?? []), action.id]);
    }
  }
  return new Map([...claims].filter(([, owners]) => owners.length > 1));
}

/**
 * The action a key press triggers, or null. A press that two actions claim triggers neither:
 * an ambiguous shortcut is a bug, and doing nothing is safer than guessing.
 */
export function actionForKey(press: KeyPress, actions: readonly EditorAction[] = ACTIONS): EditorAction | null {
  const matching = actions.filter((action) => action.shortcuts.some((shortcut) => matchesShortcut(press, shortcut)));
  if (matching.length === 1) return matching[0] ?? null;
  if (matching.length > 1) console.error(`shortcut claimed by ${matching.map((action) => action.id).join(", ")}`);
  return null;
}
