"use client";
/**
 * In-place text editing of a node. Enter or Esc saves (as in tldraw, Miro and Figma: Esc never
 * throws typing away), Shift+Enter adds a line, leaving the field saves; Shift+Esc or Discard
 * drops the changes. If someone else saves this text meanwhile, it says so at once, with their words.
 */
import "../conflicts/conflicts.css";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { LIMITS } from "@/lib/map/limits";
import type { NodeKind } from "@/lib/map/types";
import { KIND_LABEL } from "../kinds";
import { useEditorCommands } from "./EditorCommands";

export function NodeTextEditor({ nodeId, text, kind }: { nodeId: string; text: string; kind: NodeKind }) {
  const { commitText, cancelEditing, lastChangedBy } = useEditorCommands();
  const [draft, setDraft] = useState(text);
  // What the text said when typing started: a save sends it along, so that whoever it replaces
  // can tell an edit of their words from a concurrent overwrite of them.
  const [base] = useState(text);
  const finished = useRef(false);
  /** Discard is being pressed: the blur that comes with pressing it must not save. */
  const discarding = useRef(false);
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
    if (save) commitText(nodeId, draft, viaKeyboard, base);
    else cancelEditing(nodeId);
  };

  // A field taken out of the page gets no blur: on a big map that happens when the node is panned
  // out of view, or when someone deletes the node. Keep what was typed, as leaving the field does.
  // Deferred a microtask, so that React's development-only unmount and remount of effects does
  // not end the editing.
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
      finish(!event.shiftKey, true);
    }
  };

  const changedUnder = text !== base && text !== draft;
  const helpId = `${nodeId}-text-help`;
  return (
    <>
      <textarea
        ref={field}
        className="arg-node__input nodrag nopan nowheel"
        data-testid="node-text-input"
        aria-label={`${KIND_LABEL[kind]} text`}
        aria-describedby={helpId}
        placeholder={`Write the ${KIND_LABEL[kind].toLowerCase()}…`}
        value={draft}
        maxLength={LIMITS.nodeTextLength}
        rows={Math.min(12, Math.max(2, Math.ceil(draft.length / 30) + draft.split("\n").length - 1))}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => !discarding.current && finish(true, false)}
      />
      <p className="text-editor-help nodrag" id={helpId}>
        <span>
          <kbd>Enter</kbd> or <kbd>Esc</kbd> saves
        </span>
        <span>
          <kbd>Shift+Esc</kbd>
        </span>
        {/* Pressing it must not save first (leaving the field saves); a press that ends elsewhere goes back to typing. */}
        <button
          type="button"
          tabIndex={-1}
          className="text-editor-discard"
          data-testid="node-text-discard"
          onPointerDown={() => {
            discarding.current = true;
            const back = () => {
              window.removeEventListener("pointerup", back, true);
              setTimeout(() => {
                if (finished.current) return;
                discarding.current = false;
                field.current?.focus();
              });
            };
            window.addEventListener("pointerup", back, true);
          }}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => finish(false, false)}
        >
          Discard changes
        </button>
      </p>
      {changedUnder && (
        <div className="changed-under nodrag" role="status" data-testid="changed-under">
          {lastChangedBy(nodeId) ?? "Someone"} changed this while you were typing. It now says:
          <q>{text || "(nothing)"}</q>
          Saving puts your text in its place; theirs stays in the node&apos;s history.
        </div>
      )}
    </>
  );
}
