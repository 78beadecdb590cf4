"use client";
/** The list of keyboard shortcuts and pointer gestures, read from the same registry as the keys. */
import { useEffect, useRef } from "react";
import { ACTIONS } from "@/lib/actions/registry";
import { formatShortcut } from "@/lib/actions/shortcuts";
import type { ActionGroup } from "@/lib/actions/types";
import { CrossIcon } from "../icons";
import { useIsMac } from "../usePlatform";

const GROUP_TITLES: Record<ActionGroup, string> = {
  add: "Add",
  edit: "Edit",
  history: "History",
  view: "View",
  help: "Help",
};

const GESTURES: [string, string][] = [
  ["Double-click the canvas", "Add a claim there"],
  ["Double-click a node", "Edit its text"],
  ["Drag from a node's top handle to another node", "Link it as a reason for or against that node"],
  ["Shift+click", "Add to the selection"],
  ["Shift+drag on the canvas", "Select with a box"],
  ["Drag the canvas, scroll, pinch", "Pan and zoom"],
];

/** Keys that belong to one place (the canvas, the outline) rather than to the whole editor. */
const PLACE_KEYS: [string, string][] = [
  ["Typing a node's text: Enter or Esc", "Save it (Shift+Enter starts a new line)"],
  ["Typing a node's text: Shift+Esc", "Discard what you typed (a new node left empty goes away)"],
  ["Tab, Shift+Tab", "Go from one link or node to the next"],
  ["Arrow keys on a node", "Go to the nearest node in that direction (and select it)"],
  ["Shift+arrow keys on a selected node", "Nudge it"],
  ["Outline: ↑ ↓", "Go to the next or previous line"],
  ["Outline: → ←", "Open or close a line, or go into it or up to its parent"],
  ["Outline: Home, End", "Go to the first or last line"],
  ["Outline: Enter", "Select the line's node (again: edit its text)"],
  ["Outline: S, R", "Add a support or rebuttal to the focused line"],
];

export function ShortcutsDialog({ open, editable, onClose }: { open: boolean; editable: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const mac = useIsMac();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const groups = (Object.keys(GROUP_TITLES) as ActionGroup[]).map((group) => ({
    group,
    actions: ACTIONS.filter((action) => action.group === group && action.shortcuts.length > 0),
  }));

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-dialog"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) onClose(); // a click on the backdrop
      }}
    >
      <div className="dialog__header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose} autoFocus>
          <CrossIcon size={18} />
        </button>
      </div>
      {!editable && <p className="dialog__note">This map is read-only, so only viewing shortcuts apply.</p>}
      <div className="shortcuts">
        {groups.map(({ group, actions }) =>
          actions.length === 0 ? null : (
            <section key={group}>
              <h3>{GROUP_TITLES[group]}</h3>
              <dl>
                {actions.map((action) => (
                  <div key={action.id} className="shortcuts__row">
                    <dt>
                      {action.shortcuts.map((shortcut, index) => (
                        <span key={index}>
                          {index > 0 && <span className="shortcuts__or"> or </span>}
                          <kbd>{formatShortcut(shortcut, mac)}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{action.description}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ),
        )}
        <section>
          <h3>Canvas and outline</h3>
          <dl>
            {PLACE_KEYS.map(([keys, effect]) => (
              <div key={keys} className="shortcuts__row">
                <dt>{keys}</dt>
                <dd>{effect}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section>
          <h3>Mouse</h3>
          <dl>
            {GESTURES.map(([gesture, effect]) => (
              <div key={gesture} className="shortcuts__row">
                <dt>{gesture}</dt>
                <dd>{effect}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </dialog>
  );
}
