"use client";
/**
 * A text field that saves when the user is done with it (blur, Enter, or Esc), not on every key, so
 * one edit is one op and one undo step. Shift+Esc puts back the saved value. While the field is not
 * being edited it follows the saved value, so other people's edits show up; if one arrives while
 * it is being edited, the field says so, with the new value, and saving replaces it.
 */
import "../conflicts/conflicts.css";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

interface CommitFieldProps {
  label: string;
  value: string;
  /** `startedFrom` is the saved value when editing began. */
  onCommit(value: string, startedFrom: string): void;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  /** An empty value is refused (the saved value comes back). */
  required?: boolean;
  hint?: string;
  testId?: string;
  list?: string;
  readOnly?: boolean;
}

export function CommitField(props: CommitFieldProps) {
  const { label, value, onCommit, multiline, rows = 3, maxLength, placeholder, required, hint, testId, list, readOnly } = props;
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [savedValue, setSavedValue] = useState(value);
  const [editing, setEditing] = useState(false);
  const startedFrom = useRef(value);
  const skipCommit = useRef(false);

  if (value !== savedValue) {
    setSavedValue(value);
    if (!editing) setDraft(value);
  }

  const commit = () => {
    setEditing(false);
    if (skipCommit.current) {
      skipCommit.current = false;
      return;
    }
    if (required && !draft.trim()) {
      setDraft(value);
      return;
    }
    if (draft !== value) onCommit(draft, startedFrom.current);
  };

  // Taken off the page while being edited (the node was deleted, the panel switched): keep the words.
  const latest = useRef({ editing, draft, value, onCommit, required });
  latest.current = { editing, draft, value, onCommit, required };
  useEffect(
    () => () => {
      const { editing: open, draft: typed, value: saved, onCommit: save, required: needed } = latest.current;
      if (open && typed !== saved && !skipCommit.current && !(needed && !typed.trim())) save(typed, startedFrom.current);
    },
    [],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      if (event.shiftKey) {
        skipCommit.current = true;
        setDraft(value);
      }
      event.currentTarget.blur();
    } else if (event.key === "Enter" && (!multiline || event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };

  const changedUnder = editing && value !== startedFrom.current && value !== draft;
  const describedBy = [hint ? `${id}-hint` : "", changedUnder ? `${id}-changed` : ""].filter(Boolean).join(" ") || undefined;
  const shared = {
    id,
    value: draft,
    maxLength,
    placeholder,
    readOnly,
    "data-testid": testId,
    "aria-describedby": describedBy,
    onFocus: () => {
      if (!editing) startedFrom.current = value;
      setEditing(true);
    },
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown,
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={rows} {...shared} /> : <input type="text" list={list} {...shared} />}
      {changedUnder && (
        <div className="changed-under" id={`${id}-changed`} role="status" data-testid={testId ? `${testId}-changed-under` : undefined}>
          Someone else changed this while you were typing. It now says:
          <q>{value || "(nothing)"}</q>
          Saving puts yours in its place; theirs stays in the history.
        </div>
      )}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
