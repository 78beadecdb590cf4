"use client";
/** The editor's toolbar: buttons for the registry's actions, with their shortcuts in the tooltips. */
import type { ComponentType, ReactNode } from "react";
import { actionById } from "@/lib/actions/registry";
import { formatShortcut } from "@/lib/actions/shortcuts";
import type { ActionContext, EditorAction, Shortcut } from "@/lib/actions/types";
import {
  ClaimIcon,
  CombineIcon,
  FitIcon,
  KeyboardIcon,
  PremiseIcon,
  RebuttalIcon,
  RedoIcon,
  SpinnerIcon,
  SupportIcon,
  TidyIcon,
  TrashIcon,
  UndercutIcon,
  UndoIcon,
} from "../icons";
import { useIsMac } from "../usePlatform";

interface ToolbarItem {
  id: string;
  icon: ComponentType<{ size?: number }>;
  /** Show the label beside the icon (otherwise the icon alone, named by aria-label). */
  labelled: boolean;
  editOnly: boolean;
  /** Only means something on the canvas (hidden in the outline view). */
  canvasOnly?: boolean;
}

const GROUPS: ToolbarItem[][] = [
  [
    { id: "addClaim", icon: ClaimIcon, labelled: true, editOnly: true },
    { id: "addSupportTo", icon: SupportIcon, labelled: true, editOnly: true },
    { id: "addRebuttalTo", icon: RebuttalIcon, labelled: true, editOnly: true },
    { id: "addPremise", icon: PremiseIcon, labelled: true, editOnly: true },
    { id: "undercutLink", icon: UndercutIcon, labelled: true, editOnly: true },
  ],
  [{ id: "combinePremises", icon: CombineIcon, labelled: false, editOnly: true }],
  [{ id: "deleteSelection", icon: TrashIcon, labelled: false, editOnly: true }],
  [
    { id: "undo", icon: UndoIcon, labelled: false, editOnly: true },
    { id: "redo", icon: RedoIcon, labelled: false, editOnly: true },
  ],
  [
    { id: "tidyLayout", icon: TidyIcon, labelled: true, editOnly: true, canvasOnly: true },
    { id: "fitView", icon: FitIcon, labelled: false, editOnly: false, canvasOnly: true },
  ],
];

/** The aria-keyshortcuts value ("Control+Z Meta+Z"). */
function ariaShortcuts(shortcuts: readonly Shortcut[]): string | undefined {
  const names = shortcuts.flatMap((shortcut) => {
    const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
    const rest = [shortcut.alt && "Alt", shortcut.shift && "Shift", key].filter(Boolean).join("+");
    return shortcut.mod ? [`Control+${rest}`, `Meta+${rest}`] : [rest];
  });
  return names.length > 0 ? names.join(" ") : undefined;
}

export function Toolbar({
  context,
  editable,
  tidying,
  onAction,
  canvas = true,
  children,
}: {
  context: ActionContext;
  editable: boolean;
  tidying: boolean;
  onAction(action: EditorAction): void;
  /** The canvas is shown (not the outline). */
  canvas?: boolean;
  /** Shown at the end of the bar, before the shortcuts button (the view toggle). */
  children?: ReactNode;
}) {
  const mac = useIsMac();
  const help = actionById("showShortcuts");

  const button = (item: ToolbarItem) => {
    const action = actionById(item.id);
    const busy = item.id === "tidyLayout" && tidying;
    const Icon = busy ? SpinnerIcon : item.icon;
    const shortcut = action.shortcuts[0];
    const hint = shortcut ? ` (${formatShortcut(shortcut, mac)})` : "";
    return (
      <button
        key={item.id}
        type="button"
        className={`tool${item.labelled ? "" : " tool--icon"}${busy ? " is-busy" : ""}`}
        data-testid={`toolbar-${item.id}`}
        aria-label={item.labelled ? undefined : action.label}
        aria-keyshortcuts={ariaShortcuts(action.shortcuts)}
        title={`${action.kind === "ops" && action.labelFor && action.enabled(context) ? action.labelFor(context) : action.description}${hint}`}
        disabled={busy || !action.enabled(context)}
        onClick={() => onAction(action)}
      >
        <Icon size={16} />
        {item.labelled && <span>{busy ? "Tidying…" : action.label}</span>}
      </button>
    );
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Map tools" data-testid="toolbar">
      {GROUPS.map((group, index) => {
        const shown = group.filter((item) => (editable || !item.editOnly) && (canvas || !item.canvasOnly));
        if (shown.length === 0) return null;
        return (
          <div key={index} className="toolbar__group">
            {index === 0 && <span className="toolbar__caption">Add</span>}
            {shown.map(button)}
          </div>
        );
      })}
      {/* The views keep to the right; on a narrow window they wrap to a row of their own rather than scroll out of sight. */}
      <div className="toolbar__views">
        {children}
        <button
          type="button"
          className="tool tool--icon"
          data-testid="toolbar-showShortcuts"
          aria-label={help.label}
          aria-keyshortcuts="?"
          title={`${help.label} (?)`}
          onClick={() => onAction(help)}
        >
          <KeyboardIcon size={16} />
        </button>
      </div>
    </div>
  );
}
