"use client";
/**
 * The presenter's own window: the step on screen, its speaker notes in large type, what comes
 * next, and the time elapsed. It drives the stage (and the stage drives it) over the step channel.
 */
import { useCallback, useEffect, useState } from "react";
import { entryOf } from "@/lib/map/records";
import type { MapDoc, PresentationStep, Role } from "@/lib/map/types";
import { KIND_ICON, KIND_LABEL } from "../kinds";
import { commandForKey } from "./keys";
import { NextIcon, PreviousIcon, ScreenOffIcon } from "./presentIcons";
import { RoomPanel, type RoomPanelMap } from "./RoomPanel";
import { Progress } from "./StageControls";
import type { StepState } from "./useStepChannel";

export interface PresenterConsoleProps {
  token: string;
  role: Role;
  doc: MapDoc;
  steps: readonly PresentationStep[];
  state: StepState;
  onChange(next: StepState): void;
  /** Changes the map (the room's votes as base scores); absent, the room panel only reports. */
  dispatch?: RoomPanelMap["dispatch"];
}

export function PresenterConsole({ token, role, doc, steps, state, onChange, dispatch }: PresenterConsoleProps) {
  const { index, blank } = state;
  const step = steps[index];
  const next = steps[index + 1];
  const go = useCallback((to: number) => onChange({ index: Math.max(0, Math.min(steps.length - 1, to)), blank }), [onChange, steps.length, blank]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (command === "next") go(index + 1);
      else if (command === "previous") go(index - 1);
      else if (command === "first") go(0);
      else if (command === "last") go(steps.length - 1);
      else if (command === "blank") onChange({ index, blank: !blank });
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [go, index, steps.length, blank, onChange]);

  return (
    <div className="console" data-testid="presenter-console">
      <header className="console__header">
        <div>
          <p className="console__eyebrow">Presenter view</p>
          <h1 className="console__title">{doc.meta.title}</h1>
        </div>
        <Timer />
      </header>
      <main className="console__body">
        <section className="console__now" aria-labelledby="console-now">
          <h2 id="console-now" className="console__heading">
            Now
          </h2>
          {step ? <StepNodes doc={doc} step={step} /> : <p className="console__muted">This map has nothing to present yet.</p>}
        </section>
        <section className="console__notes" aria-labelledby="console-notes">
          <h2 id="console-notes" className="console__heading">
            Notes
          </h2>
          <div className="console__notes-text" data-testid="presenter-notes">
            {step?.notes.trim() ? step.notes : <span className="console__muted">No notes for this step.</span>}
          </div>
        </section>
        <aside className="console__next" aria-labelledby="console-next" data-testid="presenter-next-preview">
          <h2 id="console-next" className="console__heading">
            Next
          </h2>
          {next ? <StepNodes doc={doc} step={next} compact /> : <p className="console__muted">End of the presentation.</p>}
        </aside>
        <RoomPanel token={token} role={role} index={index} map={dispatch ? { doc, steps, dispatch } : undefined} />
      </main>
      <footer className="console__footer">
        <button type="button" className="present-button" onClick={() => go(index - 1)} disabled={index <= 0} data-testid="present-prev" aria-label="Previous step">
          <PreviousIcon size={22} />
        </button>
        <Progress index={index} count={steps.length} />
        <button type="button" className="present-button present-button--next" onClick={() => go(index + 1)} disabled={index >= steps.length - 1} data-testid="present-next" aria-label="Next step">
          <NextIcon size={22} />
        </button>
        <button type="button" className="present-button" onClick={() => onChange({ index, blank: !blank })} aria-pressed={blank} data-testid="present-blank">
          <ScreenOffIcon size={20} />
          <span className="present-button__label">{blank ? "Show the map" : "Blank screen"}</span>
        </button>
      </footer>
    </div>
  );
}

function StepNodes({ doc, step, compact }: { doc: MapDoc; step: PresentationStep; compact?: boolean }) {
  const nodes = step.nodeIds.flatMap((id) => entryOf(doc.nodes, id) ?? []);
  return (
    <ul className={`console__nodes${compact ? " console__nodes--compact" : ""}`}>
      {nodes.map((node) => {
        const Icon = KIND_ICON[node.kind];
        return (
          <li key={node.id} className={`console__node console__node--${node.kind}`} data-id={node.id}>
            <span className="console__kind">
              <Icon size={compact ? 14 : 16} />
              {KIND_LABEL[node.kind]}
              {node.speaker.trim() && <span className="console__speaker"> · {node.speaker}</span>}
            </span>
            <p className="console__text">{node.text.trim() || "(no text)"}</p>
            {!compact && node.quote.trim() && <blockquote className="console__quote">“{node.quote.trim()}”</blockquote>}
          </li>
        );
      })}
    </ul>
  );
}

function formatElapsed(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, "0");
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** Time since this window opened (or since Restart). */
function Timer() {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - start) / 1000));
  return (
    <div className="console__timer">
      <span className="console__timer-value" data-testid="presenter-timer" role="timer" aria-label={`Elapsed ${formatElapsed(seconds)}`}>
        {formatElapsed(seconds)}
      </span>
      <button
        type="button"
        className="button button--small button--quiet console__restart"
        onClick={() => {
          const at = Date.now();
          setStart(at);
          setNow(at);
        }}
      >
        Restart
      </button>
    </div>
  );
}
