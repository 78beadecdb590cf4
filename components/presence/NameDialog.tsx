"use client";
/**
 * Asks for the name others will see (once per browser; later from the "You" avatar). Closing it
 * without an answer keeps the suggested name, so the question is not asked again.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { NAME_MAX_LENGTH, initialsOf, type Identity } from "@/lib/sync/identity";
import { CrossIcon } from "../icons";

export interface NameDialogProps {
  open: boolean;
  self: Identity;
  /** First visit (the name is only a suggestion) or a change of name later. */
  firstVisit: boolean;
  onSave(name: string): void;
  onClose(): void;
}

export function NameDialog({ open, self, firstVisit, onSave, onClose }: NameDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(self.name);
  const titleId = useId();
  const hintId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setDraft(self.name);
      element.showModal();
      requestAnimationFrame(() => input.current?.select());
    }
    if (!open && element.open) element.close();
  }, [open, self.name]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog name-dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      data-testid="name-dialog"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) onClose(); // a click on the backdrop
      }}
    >
      <form onSubmit={submit}>
        <div className="dialog__header">
          <h2 id={titleId}>{firstVisit ? "What should others call you?" : "Your name"}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <CrossIcon size={18} />
          </button>
        </div>
        <div className="name-dialog__body">
          <span className="avatar avatar--large" style={{ background: self.colour }} aria-hidden="true">
            {initialsOf(draft || self.name)}
          </span>
          <div className="field name-dialog__field">
            <label htmlFor={`${titleId}-input`}>Name</label>
            <input
              ref={input}
              id={`${titleId}-input`}
              type="text"
              value={draft}
              maxLength={NAME_MAX_LENGTH}
              autoComplete="nickname"
              data-testid="name-input"
              onChange={(event) => setDraft(event.target.value)}
            />
            <p className="field__hint" id={hintId}>
              People on this map see it beside your pointer and what you select. It stays in this browser.
            </p>
          </div>
        </div>
        <div className="name-dialog__actions">
          <button type="submit" className="button button--primary" data-testid="name-save">
            {firstVisit ? "Continue" : "Save"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
