"use client";
/**
 * A question before doing something that touches someone else's work ("Ben is editing this — edit
 * anyway?"). `ask` resolves true only for the confirm button; Esc, the backdrop and Cancel say no.
 */
import "./conflicts.css";
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface Question {
  title: string;
  body: ReactNode;
  confirm: string;
  /** A confirm that destroys something is drawn as a warning. */
  danger?: boolean;
}

interface Open {
  question: Question;
  answer(yes: boolean): void;
}

export function useAsk(): { ask(question: Question): Promise<boolean>; dialog: ReactNode } {
  const [open, setOpen] = useState<Open | null>(null);
  const ask = useCallback(
    (question: Question) =>
      new Promise<boolean>((resolve) => {
        setOpen((previous) => {
          previous?.answer(false);
          return { question, answer: resolve };
        });
      }),
    [],
  );
  const answer = useCallback((yes: boolean) => {
    setOpen((current) => {
      current?.answer(yes);
      return null;
    });
  }, []);
  return { ask, dialog: open ? <AskDialog question={open.question} onAnswer={answer} /> : null };
}

function AskDialog({ question, onAnswer }: { question: Question; onAnswer(yes: boolean): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // A key pressed twice (Delete, Enter) must not destroy someone's work: a warning starts on Cancel.
    (question.danger ? cancel : confirm).current?.focus();
  }, [question.danger]);

  return (
    <dialog
      ref={dialog}
      className="dialog ask-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="ask-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onAnswer(false);
      }}
    >
      <h2 id={titleId} className="ask-dialog__title">
        {question.title}
      </h2>
      <div id={bodyId} className="ask-dialog__body">
        {question.body}
      </div>
      <div className="ask-dialog__actions">
        <button ref={cancel} type="button" className="button" onClick={() => onAnswer(false)} data-testid="ask-cancel">
          Cancel
        </button>
        <button ref={confirm} type="button" className={`button ${question.danger ? "button--danger" : "button--primary"}`} onClick={() => onAnswer(true)} data-testid="ask-confirm">
          {question.confirm}
        </button>
      </div>
    </dialog>
  );
}
