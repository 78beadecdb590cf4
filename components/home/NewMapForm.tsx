"use client";
/** "New map": asks for a title in place, creates the map, remembers the owner link and opens it. */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { LIMITS } from "@/lib/map/limits";
import { mapPath, rememberMap, tokenFromLink } from "@/lib/recent-maps";
import { PlusIcon, SpinnerIcon } from "../icons";
import { createMap } from "../mapRequests";

export function NewMapForm() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (!open) {
    return (
      <button type="button" className="button button--primary button--large" onClick={() => setOpen(true)} data-testid="new-map">
        <PlusIcon size={18} />
        New map
      </button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      setProblem("Give the map a title, for example the question it debates.");
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await createMap(trimmed);
    const token = result.ok ? tokenFromLink(result.value.links.owner) : null;
    if (!result.ok || !token) {
      setBusy(false);
      setProblem(result.ok ? "The server answered with a link this page does not understand." : result.message);
      return;
    }
    rememberMap({ token, title: trimmed, role: "owner" });
    router.push(mapPath(token));
  };

  return (
    <form className="new-map" onSubmit={submit} data-testid="new-map-form" noValidate>
      <label htmlFor="new-map-title">Title of the new map</label>
      <div className="new-map__row">
        <input
          id="new-map-title"
          type="text"
          value={title}
          maxLength={LIMITS.titleLength}
          placeholder="Should schools ban phones?"
          autoFocus
          disabled={busy}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "new-map-problem" : undefined}
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") setOpen(false);
          }}
          data-testid="new-map-title"
        />
        <button type="submit" className="button button--primary" disabled={busy} data-testid="new-map-create">
          {busy && <SpinnerIcon size={16} className="spin" />}
          {busy ? "Creating…" : "Create"}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
      {problem && (
        <p className="field__error" id="new-map-problem" role="alert" data-testid="new-map-error">
          {problem}
        </p>
      )}
    </form>
  );
}
