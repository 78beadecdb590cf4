"use client";
/** Keyboard shortcuts from the action registry, ignored while the user types in a field. */
import { useEffect, useRef } from "react";
import { actionForKey } from "@/lib/actions/registry";
import type { EditorAction } from "@/lib/actions/types";

/** Fields where keys are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Controls that Enter already activates. */
function activatesOnEnter(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("button, a[href], summary, [role='button'], [role='menuitem']") !== null;
}

export function useEditorKeys(run: (action: EditorAction) => boolean, paused: boolean): void {
  const latestRun = useRef(run);
  latestRun.current = run;

  useEffect(() => {
    if (paused) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || (event.repeat && event.key === "Enter")) return;
      if (isTypingTarget(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest("dialog[open]")) return;
      const action = actionForKey(event);
      if (!action) return;
      if (event.key === "Enter" && activatesOnEnter(event.target)) return;
      if (latestRun.current(action)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [paused]);
}
