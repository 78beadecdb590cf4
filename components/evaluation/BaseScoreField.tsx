"use client";
/**
 * A node's base score, in percent: saved when the user is done (blur or Enter), Esc puts back the
 * saved value, empty means the default (50%). The value goes through the registry's setBaseScore.
 */
import { useId, useState, type KeyboardEvent } from "react";

export function BaseScoreField({ value, onCommit }: { value: number | null; onCommit(value: number | null): boolean }) {
  const id = useId();
  const shown = value === null ? "" : String(Math.round(value * 100));
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    const text = draft.trim();
    const percent = Number(text);
    if (text !== "" && !(Number.isFinite(percent) && percent >= 0 && percent <= 100)) {
      setProblem("Enter a number from 0 to 100, or leave it empty for the default (50).");
      return;
    }
    setProblem(null);
    setDraft(null);
    const next = text === "" ? null : Math.round(percent) / 100;
    if (next !== value) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDraft(null);
      setProblem(null);
    }
  };

  return (
    <div className="field base-score">
      <label htmlFor={id}>Base score (%)</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={5}
        placeholder="50 (default)"
        value={draft ?? shown}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint`}
        data-testid="field-base-score"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <p className={problem ? "field__hint field__hint--error" : "field__hint"} id={`${id}-hint`} role={problem ? "alert" : undefined}>
        {problem ?? "How strong this point is before the reasons for and against it count."}
      </p>
    </div>
  );
}
