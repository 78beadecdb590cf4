"use client";
/** Adding or editing a source: title, publisher, author, date and address, checked before anything is sent. */
import { useId, useState, type FormEvent } from "react";
import { LIMITS } from "@/lib/map/limits";
import { sourceSchema } from "@/lib/map/ops";
import type { Source } from "@/lib/map/types";

export type SourceFields = Pick<Source, "title" | "publisher" | "author" | "date" | "url">;

const FIELDS: { name: keyof SourceFields; label: string; type: string; placeholder?: string }[] = [
  { name: "title", label: "Title", type: "text", placeholder: "Alibaba's cloud unit on US radar" },
  { name: "publisher", label: "Publisher", type: "text", placeholder: "Global Times" },
  { name: "author", label: "Author", type: "text" },
  { name: "date", label: "Date", type: "date" },
  { name: "url", label: "Address (URL)", type: "url", placeholder: "https://…" },
];

const EMPTY: SourceFields = { title: "", publisher: "", author: "", date: "", url: "" };

export function SourceForm({
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial?: SourceFields;
  submitLabel: string;
  onSave(fields: SourceFields): void;
  onCancel(): void;
}) {
  const formId = useId();
  const [fields, setFields] = useState<SourceFields>(initial ?? EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof SourceFields, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value.trim()])) as SourceFields;
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
              aria-describedby={error ? `${id}-error` : undefined}
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
            {error && (
              <p className="field__error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
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
