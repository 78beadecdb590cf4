"use client";
/**
 * "Import a map": an Argumap export (JSON or Argdown) or an AIF file from OVA or AIFdb becomes a
 * new map; a bad file gets a clear message, not a crash. The server tells AIF from Argumap JSON.
 */
import { useRef, useState, type ChangeEvent } from "react";
import { LIMITS } from "@/lib/map/limits";
import { mapPath, rememberMap, tokenFromLink } from "@/lib/recent-maps";
import type { ImportReport as Report } from "@/lib/map/exchange/importReport";
import { SpinnerIcon, UploadIcon } from "../icons";
import { importMap } from "../mapRequests";
import { ImportReport } from "./ImportReport";

/** JSON by its name or, for another name, by its first character; Argdown (or Markdown with Argdown blocks) otherwise. */
function formatOf(name: string, text: string): "json" | "argdown" {
  if (/\.json$/i.test(name)) return "json";
  if (/\.(argdown|ad|md|markdown)$/i.test(name)) return "argdown";
  return text.trimStart().startsWith("{") ? "json" : "argdown";
}

export function ImportMap() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reported, setReported] = useState<{ fileName: string; report: Report; href: string } | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // choosing the same file again should try again
    if (!file) return;
    setProblem(null);
    setReported(null);
    if (file.size > LIMITS.requestBody) {
      setProblem(`That file is too large to import (the limit is ${Math.round(LIMITS.requestBody / 1_000_000)} MB).`);
      return;
    }
    const text = await file.text();
    const format = formatOf(file.name, text);
    if (format === "json") {
      try {
        JSON.parse(text);
      } catch {
        setProblem(`“${file.name}” is not a JSON file. Choose a map exported as JSON or Argdown, or an AIF file.`);
        return;
      }
    }
    setBusy(true);
    const result = await importMap(text, format);
    const token = result.ok ? tokenFromLink(result.value.links.owner) : null;
    if (!result.ok || !token) {
      setBusy(false);
      setProblem(result.ok ? "The server answered with a link this page does not understand." : `Could not import “${file.name}”: ${result.message}`);
      return;
    }
    rememberMap({ token, title: result.value.title?.trim() || "Imported map", role: "owner" });
    // Every import ends on its report: what it created (and what it could not hold), then the map.
    setBusy(false);
    setReported({ fileName: file.name, report: result.value.report ?? { created: {}, warnings: [] }, href: mapPath(token) });
  };

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a map</h2>
      <p className="muted">
        Open a map exported from Argumap (JSON or Argdown), an Argdown file (or Markdown with ```argdown blocks: the last one is read), or an argument map in AIF from OVA or AIFdb. It becomes a new map that you own; you see what it created, and anything the file says that the map cannot hold is listed, with its line.
      </p>
      <input
        ref={input}
        id="import-file"
        type="file"
        accept=".json,.argdown,.ad,.md,.markdown,application/json"
        className="visually-hidden"
        aria-label="Map file to import"
        tabIndex={-1}
        onChange={onFile}
        disabled={busy}
        data-testid="import-map"
      />
      <button type="button" className="button" onClick={() => input.current?.click()} disabled={busy} data-testid="import-map-button">
        {busy ? <SpinnerIcon size={16} className="spin" /> : <UploadIcon size={16} />}
        {busy ? "Importing…" : "Choose a file…"}
      </button>
      {reported && <ImportReport {...reported} />}
      {problem && (
        <p className="field__error" role="alert" data-testid="import-error">
          {problem}
        </p>
      )}
    </section>
  );
}
