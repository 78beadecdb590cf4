"use client";
/** In-place text editing of a node: Enter saves, Shift+Enter adds a line, Esc cancels, leaving saves. */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { LIMITS } from "@/lib/map/limits";
import type { NodeKind } from "@/lib/map/types";
import { KIND_LABEL } from "../kinds";
import { useEditorCommands } from "./EditorCommands";

export function NodeTextEditor({ nodeId, text, kind }: { nodeId: string; text: string; kind: NodeKind }) {
  const { commitText, cancelEditing } = useEditorCommands();
  const [draft, setDraft] = useState(text);
  const finished = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);

  // A new node is invisible until React Flow has measured it, and hidden elements cannot take
  // focus, so keep trying for a few frames.
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const element = field.current;
      if (!element) return;
      element.focus({ preventScroll: true });
      if (document.activeElement === element) {
        element.setSelectionRange(element.value.length, element.value.length);
      } else if (tries++ < 20) {
        frame = requestAnimationFrame(focus);
      }
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);

  const finish = (save: boolean, viaKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (save) commitText(nodeId, draft, viaKeyboard);
    else cancelEditing(nodeId);
  };

  // A field taken out of the page gets no blur: on a big map that happens when the node is panned
  // out of view. Keep what was typed, as leaving the field does. Deferred a microtask, so that
  // React's development-only unmount and remount of effects does not end the editing.
  const latestFinish = useRef(finish);
  latestFinish.current = finish;
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (!mounted.current) latestFinish.current(true, false);
      });
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      finish(true, true);
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(false, true);
    }
  };

  return (
    <textarea
      ref={field}
      className="arg-node__input nodrag nopan nowheel"
      data-testid="node-text-input"
      aria-label={`${KIND_LABEL[kind]} text`}
      placeholder={`Write the ${KIND_LABEL[kind].toLowerCase()}…`}
      value={draft}
      maxLength={LIMITS.nodeTextLength}
      rows={Math.min(12, Math.max(2, Math.ceil(draft.length / 30) + draft.split("\n").length - 1))}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true, false)}
    />
  );
}
