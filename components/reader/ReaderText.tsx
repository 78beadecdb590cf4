"use client";
/**
 * A source's text, readable and selectable, with every quoted passage marked. The text is a
 * <textarea> that refuses every change: the browser's own caret and selection work with the
 * keyboard (arrows, Shift+arrows, Ctrl+Shift+arrows by word), the mouse and touch, screen readers
 * read it (as read-only), and its selection is exact offsets into the source's text. Not the
 * `readonly` attribute: Chrome then moves no caret with the keys. Edits are cancelled before they
 * happen (`beforeinput`), and React puts back its value should one slip through (an IME).
 * Behind it, a copy of the text with <mark>s draws the passages; both use the same font and
 * wrapping, so the marks sit under their words.
 */
import { forwardRef, Fragment, useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type MouseEvent, type SyntheticEvent } from "react";
import { segmentAt, type TextSegment } from "@/lib/map/quotes/segments";
import { motionDuration } from "../motion";

export interface TextRange {
  start: number;
  end: number;
}

export interface ReaderTextProps {
  text: string;
  /** The text's accessible name, e.g. "Text of Alibaba Cloud is on US' radar". */
  label: string;
  hintId: string;
  segments: readonly TextSegment[];
  /** The node whose passage is highlighted. */
  current: string | null;
  describeNodes(nodeIds: readonly string[]): string;
  onRange(range: TextRange | null): void;
  /** A passage clicked, or Enter pressed in it: select its node. */
  onPickNode(nodeId: string): void;
  /** Enter with words selected: go to the commands. */
  onCommands(): void;
  onEscape(): void;
}

/** Half the space between two lines of the text (line-height minus the glyphs' height), in px. */
const LEADING = 4;

interface Tip {
  nodeIds: string[];
  top: number;
  left: number;
}

/** What the reader asks of its text: focus it (with the caret at an offset), scroll a passage into view, drop the selection. */
export interface ReaderTextHandle {
  focus(caretAt?: number): void;
  reveal(nodeId: string): void;
  collapse(): void;
}

export const ReaderText = forwardRef<ReaderTextHandle, ReaderTextProps>(function ReaderText(props, ref) {
  const { text, label, hintId, segments, current, describeNodes, onRange, onPickNode, onCommands, onEscape } = props;
  const wrapper = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [spoken, setSpoken] = useState("");

  const markOf = useCallback((nodeId: string) => backdrop.current?.querySelector<HTMLElement>(`mark[data-node-ids~="${CSS.escape(nodeId)}"]`) ?? null, []);

  /** The tip under a mark, in the wrapper's coordinates. */
  const tipAt = useCallback((mark: HTMLElement): Tip | null => {
    const box = wrapper.current?.getBoundingClientRect();
    const rect = mark.getClientRects()[0];
    const nodeIds = mark.dataset.nodeIds?.split(" ").filter(Boolean) ?? [];
    if (!box || !rect || nodeIds.length === 0) return null;
    return { nodeIds, top: rect.bottom - box.top + 6, left: Math.max(8, Math.min(rect.left - box.left, box.width - 288)) };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      focus(caretAt) {
        const input = field.current;
        if (!input) return;
        input.focus({ preventScroll: true });
        if (caretAt !== undefined) {
          input.setSelectionRange(caretAt, caretAt);
          readSelection();
        }
      },
      reveal(nodeId) {
        // Scroll the reader's own pane only (scrollIntoView would move every scrolling ancestor).
        const mark = markOf(nodeId);
        const pane = wrapper.current?.closest<HTMLElement>(".reader__body");
        if (!mark || !pane) return;
        const offset = mark.getBoundingClientRect().top - pane.getBoundingClientRect().top;
        pane.scrollTo({ top: pane.scrollTop + offset - pane.clientHeight / 3, behavior: motionDuration(1) > 0 ? "smooth" : "auto" });
      },
      collapse() {
        const input = field.current;
        if (input) input.setSelectionRange(input.selectionEnd, input.selectionEnd);
        onRange(null);
      },
    }),
    // No dependencies: the handle reads this render's segments.
  );

  useEffect(() => {
    const input = field.current;
    if (!input) return;
    const refuse = (event: Event) => event.preventDefault();
    input.addEventListener("beforeinput", refuse);
    return () => input.removeEventListener("beforeinput", refuse);
  }, []);

  const readSelection = () => {
    const input = field.current;
    if (!input) return;
    const { selectionStart: start, selectionEnd: end } = input;
    onRange(end > start ? { start, end } : null);
    if (end > start) {
      setSpoken("");
      return;
    }
    // The caret inside a passage shows (and says) which nodes quote it.
    const segment = segmentAt(segments, start);
    const mark = segment && segment.nodeIds.length > 0 ? backdropMarkAt(backdrop.current, segment.start) : null;
    setTip(mark ? tipAt(mark) : null);
    setSpoken(segment && segment.nodeIds.length > 0 ? `Quoted by ${describeNodes(segment.nodeIds)}` : "");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const input = event.currentTarget;
    if (event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      if (input.selectionEnd > input.selectionStart) onCommands();
      else {
        const nodeId = segmentAt(segments, input.selectionStart)?.nodeIds[0];
        if (nodeId) onPickNode(nodeId);
      }
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (input.selectionEnd > input.selectionStart) {
        input.setSelectionRange(input.selectionEnd, input.selectionEnd);
        onRange(null);
      } else onEscape();
    }
  };

  const onClick = () => {
    const input = field.current;
    if (!input || input.selectionEnd !== input.selectionStart) return;
    const nodeId = segmentAt(segments, input.selectionStart)?.nodeIds[0];
    if (nodeId) onPickNode(nodeId);
  };

  // Hovering: the textarea is on top, so find the mark under the pointer by its boxes (each a
  // line's glyphs, taller by the line spacing so the gap between two lines counts too).
  const hovered = useRef<HTMLElement | null>(null);
  const onMouseMove = (event: MouseEvent) => {
    const marks = backdrop.current?.querySelectorAll<HTMLElement>("mark") ?? [];
    let found: HTMLElement | null = null;
    for (const mark of marks) {
      for (const rect of mark.getClientRects()) {
        const within = event.clientX >= rect.left && event.clientX <= rect.right && event.clientY >= rect.top - LEADING && event.clientY <= rect.bottom + LEADING;
        if (within) found = mark;
      }
      if (found) break;
    }
    if (found === hovered.current) return;
    hovered.current = found;
    setTip(found ? tipAt(found) : null);
  };

  return (
    <div className="reader-text" ref={wrapper} data-testid="reader-text">
      <div className="reader-text__backdrop" ref={backdrop} aria-hidden="true">
        {segments.map((segment) => {
          const words = text.slice(segment.start, segment.end);
          if (segment.nodeIds.length === 0) return <Fragment key={segment.start}>{words}</Fragment>;
          const isCurrent = current !== null && segment.nodeIds.includes(current);
          return (
            <mark
              key={segment.start}
              className={`reader-mark${segment.changed ? " reader-mark--changed" : ""}${isCurrent ? " is-current" : ""}`}
              data-testid="reader-mark"
              data-node-ids={segment.nodeIds.join(" ")}
              data-current={isCurrent ? "true" : "false"}
            >
              {words}
            </mark>
          );
        })}
        {/* A textarea keeps a line for a final line break; so must its copy. */}
        {"\u200b"}
      </div>
      <textarea
        ref={field}
        className="reader-text__input"
        value={text}
        onChange={() => {}}
        onPaste={refuse}
        onCut={refuse}
        onDrop={refuse}
        aria-readonly="true"
        inputMode="none"
        spellCheck={false}
        autoCorrect="off"
        autoCapitalize="off"
        aria-label={label}
        aria-describedby={hintId}
        data-testid="reader-text-input"
        onSelect={readSelection}
        onKeyUp={readSelection}
        onMouseUp={readSelection}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onMouseMove={onMouseMove}
        onMouseLeave={() => {
          hovered.current = null;
          setTip(null);
        }}
      />
      {tip && (
        <div className="reader-tip" role="tooltip" data-testid="reader-tip" style={{ top: tip.top, left: tip.left }}>
          {describeNodes(tip.nodeIds)}
        </div>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="reader-caret-status">
        {spoken}
      </p>
    </div>
  );
});

const refuse = (event: SyntheticEvent) => event.preventDefault();

/** The mark element that starts at `offset` in the backdrop's text. */
function backdropMarkAt(backdrop: HTMLElement | null, offset: number): HTMLElement | null {
  if (!backdrop) return null;
  let at = 0;
  for (const child of backdrop.childNodes) {
    if (at === offset && child instanceof HTMLElement && child.tagName === "MARK") return child;
    at += child.textContent?.length ?? 0;
    if (at > offset) return null;
  }
  return null;
}
