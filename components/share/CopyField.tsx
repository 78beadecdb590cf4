"use client";
/**
 * A link in a read-only field with a Copy button. The clipboard API needs a secure context (https
 * or localhost), so on a plain-http LAN address it falls back to selecting the text for the user.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import { CheckIcon, CopyIcon } from "../icons";

const CONFIRM_FOR_MS = 2_500;

type CopyState = "idle" | "copied" | "select";

async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (permissions, focus): try the old way below
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

export function CopyField({ id, label, value, hint, role }: { id: string; label: string; value: string; hint?: ReactNode; role: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), CONFIRM_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);

  // A new link (after rotation) is not the one that was copied.
  useEffect(() => setState("idle"), [value]);

  const copy = async () => {
    const copied = await copyText(value, field.current);
    if (copied) {
      setState("copied");
    } else {
      field.current?.focus();
      field.current?.select();
      setState("select");
    }
  };

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {hint}
      <div className="copy-field__row">
        <input
          ref={field}
          id={id}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          data-testid={`share-link-${role}`}
        />
        <button type="button" className={`button button--small${state === "copied" ? " is-copied" : ""}`} onClick={copy} data-testid={`share-copy-${role}`}>
          {state === "copied" ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
          {state === "copied" ? "Copied" : "Copy"}
          <span className="visually-hidden"> the {label.toLowerCase()}</span>
        </button>
      </div>
      <p className="copy-field__status" role="status" data-testid={`share-copy-status-${role}`}>
        {state === "copied" ? "Link copied to the clipboard." : state === "select" ? "Your browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it." : ""}
      </p>
    </div>
  );
}
