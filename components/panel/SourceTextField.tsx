"use client";
/**
 * A source's text: pasted or typed, or read from a .txt, .md or .html file picked or dropped here.
 * An HTML page is reduced to its text in the browser (lib/map/exchange/htmlText), never rendered.
 * Limits are checked as the text comes in, with a message that says what to do.
 */
import { useId, useRef, useState, type DragEvent } from "react";
import { LIMITS } from "@/lib/map/limits";
import { SOURCE_FILE_ACCEPT, sourceFileProblem, sourceFromFile, sourceTextProblem } from "@/lib/map/exchange/sourceFile";
import { UploadIcon } from "../icons";

export interface SourceTextFieldProps {
  value: string;
  onChange(text: string): void;
  /** A file was read: its title, for an empty title field. */
  onFileTitle(title: string): void;
  error?: string;
}

export function SourceTextField({ value, onChange, onFileTitle, error }: SourceTextFieldProps) {
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [fileMessage, setFileMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);

  const readFile = async (file: File) => {
    const problem = sourceFileProblem(file.name, file.size);
    if (problem) {
      setFileMessage({ ok: false, text: problem });
      return;
    }
    const result = sourceFromFile(file.name, await file.text());
    if (!result.ok) {
      setFileMessage({ ok: false, text: result.message });
      return;
    }
    onChange(result.text);
    onFileTitle(result.title);
    setFileMessage({ ok: true, text: `Read “${file.name}”: ${result.text.length.toLocaleString("en-US")} characters.` });
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  const tooLong = sourceTextProblem(value);
  const message = error ?? tooLong;
  const describedBy = [`${id}-hint`, message ? `${id}-error` : "", fileMessage ? `${id}-file` : ""].filter(Boolean).join(" ");
  return (
    <div
      className={`field source-text-field${dragging ? " is-dragging" : ""}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id}>Text</label>
      <textarea
        id={id}
        rows={8}
        value={value}
        placeholder="Paste the text you quote from, or drop a .txt, .md or .html file here"
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        data-testid="field-source-text"
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {value.length.toLocaleString("en-US")} of {LIMITS.sourceTextLength.toLocaleString("en-US")} characters. Plain text: a web page is reduced to its words.
      </p>
      <div className="source-text-field__file">
        <button type="button" className="button button--small" onClick={() => picker.current?.click()} data-testid="source-file-pick">
          <UploadIcon size={14} />
          Read from a file…
        </button>
        <input
          ref={picker}
          type="file"
          accept={SOURCE_FILE_ACCEPT}
          hidden
          data-testid="source-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void readFile(file);
          }}
        />
      </div>
      {fileMessage && (
        <p className={fileMessage.ok ? "field__hint" : "field__error"} id={`${id}-file`} role={fileMessage.ok ? "status" : "alert"} data-testid="source-file-message">
          {fileMessage.text}
        </p>
      )}
      {message && (
        <p className="field__error" id={`${id}-error`} data-testid="source-text-error">
          {message}
        </p>
      )}
    </div>
  );
}
