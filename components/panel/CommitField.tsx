"use client";
/**
 * A text field that saves when the user is done with it (blur or Enter), not on every key, so one
 * edit is one op and one undo step. Esc puts back the saved value. While the field is not being
 * edited it follows the saved value, so other people's edits show up.
 */
import { useId, useRef, useState, type KeyboardEvent } from "react";

interface CommitFieldProps {
  label: string;
  value: string;
  onCommit(value: string): void;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  /** An empty value is refused (the saved value comes back). */
  required?: boolean;
  hint?: string;
  testId?: string;
  list?: string;
}

export function CommitField(props: CommitFieldProps) {
  const { label, value, onCommit, multiline, rows = 3, maxLength, placeholder, required, hint, testId, list } = props;
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [savedValue, setSavedValue] = useState(value);
  const [editing, setEditing] = useState(false);
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
    if (draft !== value) onCommit(draft);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      skipCommit.current = true;
      setDraft(value);
      event.currentTarget.blur();
    } else if (event.key === "Enter" && (!multiline || event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };

  const shared = {
    id,
    value: draft,
    maxLength,
    placeholder,
    "data-testid": testId,
    "aria-describedby": hint ? `${id}-hint` : undefined,
    onFocus: () => setEditing(true),
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown,
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={rows} {...shared} /> : <input type="text" list={list} {...shared} />}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
