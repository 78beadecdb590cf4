"use client";
/** "Import a map": a JSON export becomes a new map; a bad file gets a clear message, not a crash. */
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent } from "react";
import { LIMITS } from "@/lib/map/limits";
import { mapPath, rememberMap, tokenFromLink } from "@/lib/recent-maps";
import { SpinnerIcon, UploadIcon } from "../icons";
import { importMap } from "../mapRequests";

function titleOf(value: unknown): string {
  const title = (value as { map?: { title?: unknown } } | null)?.map?.title;
  return typeof title === "string" && title.trim() ? title.trim() : "Imported map";
}

export function ImportMap() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again should try again
    if (!file) return;
    setProblem(null);
    if (file.size > LIMITS.requestBody) {
      setProblem(`That file is too large to import (the limit is ${Math.round(LIMITS.requestBody / 1_000_000)} MB).`);
      return;
    }
    const text = await file.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setProblem(`“${file.name}” is not a JSON file. Choose a map exported from Argumap as JSON.`);
      return;
    }
    setBusy(true);
    const result = await importMap(text);
    const token = result.ok ? tokenFromLink(result.value.links.owner) : null;
    if (!result.ok || !token) {
      setBusy(false);
      setProblem(result.ok ? "The server answered with a link this page does not understand." : `Could not import “${file.name}”: ${result.message}`);
      return;
    }
    rememberMap({ token, title: titleOf(parsed), role: "owner" });
    router.push(mapPath(token));
  };

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a map</h2>
      <p className="muted">Open a map exported from Argumap as JSON. It becomes a new map that you own.</p>
      <input
        ref={input}
        id="import-file"
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label="Map file to import"
        tabIndex={-1}
        onChange={onFile}
        disabled={busy}
        data-testid="import-map"
      />
      <button type="button" className="button" onClick={() => input.current?.click()} disabled={busy} data-testid="import-map-button">
        {busy ? <SpinnerIcon size={16} className="spin" /> : <UploadIcon size={16} />}
        {busy ? "Importing…" : "Choose a JSON file…"}
      </button>
      {problem && (
        <p className="field__error" role="alert" data-testid="import-error">
          {problem}
        </p>
      )}
    </section>
  );
}
