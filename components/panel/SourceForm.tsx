"use client";
/**
 * Adding or editing a source: title, publisher, author, date, address (a reference only: nothing is
 * fetched) and its text (pasted, or read from a file), checked before anything is sent.
 */
import { useId, useState, type FormEvent } from "react";
import type { SourceFields } from "@/lib/actions/sources";
import { cleanSourceText, sourceTextProblem } from "@/lib/map/exchange/sourceFile";
import { LIMITS } from "@/lib/map/limits";
import { sourceSchema } from "@/lib/map/ops";
import type { Source } from "@/lib/map/types";
import { SourceTextField } from "./SourceTextField";

export type { SourceFields };

type DetailField = Exclude<keyof SourceFields, "text">;

const FIELDS: { name: DetailField; label: string; type: string; placeholder?: string; hint?: string }[] = [
  { name: "title", label: "Title", type: "text", placeholder: "Alibaba's cloud unit on US radar" },
  { name: "publisher", label: "Publisher", type: "text", placeholder: "Global Times" },
  { name: "author", label: "Author", type: "text" },
  { name: "date", label: "Date", type: "date" },
  { name: "url", label: "Address (URL)", type: "url", placeholder: "https://…", hint: "A reference for readers: Argumap does not fetch it." },
];

const EMPTY: SourceFields = { title: "", publisher: "", author: "", date: "", url: "", text: "" };

export function SourceForm({
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial?: Partial<SourceFields>;
  submitLabel: string;
  onSave(fields: SourceFields): void;
  onCancel(): void;
}) {
  const formId = useId();
  // Only the form's own fields: `initial` may be a whole Source, id and all.
  const [fields, setFields] = useState<SourceFields>(() => {
    const start = { ...EMPTY };
    for (const key of Object.keys(EMPTY) as (keyof SourceFields)[]) start[key] = initial?.[key] ?? "";
    return start;
  });
  const [errors, setErrors] = useState<Partial<Record<keyof SourceFields, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value.trim()])) as SourceFields;
    trimmed.text = cleanSourceText(fields.text);
    const tooLong = sourceTextProblem(trimmed.text);
    if (tooLong) {
      setErrors({ text: tooLong });
      return;
    }
    const checked = sourceSchema.safeParse({ id: "draft", ...trimmed });
    if (!checked.success) {
      const found: Partial<Record<keyof SourceFields, string>> = {};
      for (const issue of checked.error.issues) {
        const key = issue.path[0] as keyof SourceFields;
        found[key] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + ".";
      }
      setErrors(found);
      return;
    }
    onSave(trimmed);
  };

  return (
    <form className="source-form" data-testid="source-form" onSubmit={submit} noValidate>
      {FIELDS.map((field) => {
        const id = `${formId}-${field.name}`;
        const error = errors[field.name];
        return (
          <div className="field" key={field.name}>
            <label htmlFor={id}>
              {field.label}
              {field.name === "title" && <span className="field__required"> (required)</span>}
            </label>
            <input
              id={id}
              type={field.type}
              value={fields[field.name]}
              placeholder={field.placeholder}
              maxLength={LIMITS.sourceFieldLength}
              required={field.name === "title"}
              autoFocus={field.name === "title"}
              aria-invalid={error ? true : undefined}
              aria-describedby={[field.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
              data-testid={`field-source-${field.name}`}
              onChange={(event) => {
                setFields({ ...fields, [field.name]: event.target.value });
                if (error) setErrors({ ...errors, [field.name]: undefined });
              }}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.preventDefault();
                  onCancel();
                }
              }}
            />
            {field.hint && (
              <p className="field__hint" id={`${id}-hint`}>
                {field.hint}
              </p>
            )}
            {error && (
              <p className="field__error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <SourceTextField
        value={fields.text}
        error={errors.text}
        onChange={(text) => {
          setFields((current) => ({ ...current, text }));
          if (errors.text) setErrors({ ...errors, text: undefined });
        }}
        onFileTitle={(title) => setFields((current) => (current.title.trim() ? current : { ...current, title }))}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--small" data-testid="source-form-save">
          {submitLabel}
        </button>
        <button type="button" className="button button--small" data-testid="source-form-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A source as a reader sees it: title (linked), publisher, author, date. */
export function SourceCard({ source }: { source: Source }) {
  const byline = [source.publisher, source.author, source.date].filter(Boolean).join(" · ");
  const safeUrl = /^https?:\/\//i.test(source.url) ? source.url : null;
  return (
    <div className="source-card" data-testid="source-card">
      {safeUrl ? (
        <a href={safeUrl} target="_blank" rel="noopener noreferrer" className="source-card__title">
          {source.title}
        </a>
      ) : (
        <span className="source-card__title">{source.title}</span>
      )}
      {byline && <span className="source-card__byline">{byline}</span>}
    </div>
  );
}
