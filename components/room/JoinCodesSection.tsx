"use client";
/** The Room dialog's second part: make a join code (viewers or editors, for how long), and the live ones. */
import { useEffect, useId, useState } from "react";
import { formatJoinCode, JOIN_CODE_MINUTES, type JoinCodeView } from "@/lib/map/room/joinCode";
import { createJoinCode, listJoinCodes, stopJoinCode } from "@/lib/sync/room-requests";
import "./room-base.css";
import "./room-dialog.css";

const DURATIONS = [
  { minutes: JOIN_CODE_MINUTES.max, label: "Until I stop it (24 hours at most)" },
  { minutes: 15, label: "15 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 180, label: "3 hours" },
];

export const ROLE_WORDS = { view: "viewers (read only)", edit: "editors (can change the map)" } as const;

export function untilTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function JoinCodesSection({ token, onProject }: { token: string; onProject(code: JoinCodeView): void }) {
  const id = useId();
  const [role, setRole] = useState<"view" | "edit">("view");
  const [minutes, setMinutes] = useState<number>(60);
  const [codes, setCodes] = useState<JoinCodeView[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void listJoinCodes(token).then((answer) => current && answer.ok && setCodes(answer.value.codes));
    return () => {
      current = false;
    };
  }, [token]);

  const make = async () => {
    setBusy(true);
    const answer = await createJoinCode(token, role, minutes);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.message);
    setProblem(null);
    onProject(answer.value);
  };

  const stop = async (code: string) => {
    const answer = await stopJoinCode(token, code);
    if (!answer.ok && answer.status !== 404) return setProblem(answer.message);
    setCodes((all) => all.filter((entry) => entry.code !== code));
  };

  return (
    <section className="room-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Let the room join</h3>
      <p className="field__hint">A short code and a QR code for the projector: people type it at /join (or scan it) on their phones and land on this map.</p>
      <fieldset className="field room-choice">
        <legend>They join as</legend>
        {(["view", "edit"] as const).map((choice) => (
          <label key={choice} className="room-check">
            <input type="radio" name={`${id}-role`} value={choice} checked={role === choice} onChange={() => setRole(choice)} data-testid={`join-role-${choice}`} />
            <span>{ROLE_WORDS[choice]}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>The code works</label>
        <select id={`${id}-minutes`} value={minutes} onChange={(event) => setMinutes(Number(event.target.value))} data-testid="join-minutes">
          {DURATIONS.map((duration) => (
            <option key={duration.minutes} value={duration.minutes}>
              {duration.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void make()} data-testid="join-code-create">
        Show a join code
      </button>
      {codes.length > 0 && (
        <>
          <h4 className="room-section__subtitle">Codes that work now</h4>
          <ul className="room-codes" data-testid="join-code-list">
            {codes.map((code) => (
              <li key={code.code} className="room-codes__item">
                <span className="room-codes__code">{formatJoinCode(code.code)}</span>
                <span className="room-codes__about">
                  {code.role === "edit" ? "editors" : "viewers"}, until {untilTime(code.expiresAt)}
                </span>
                <button type="button" className="button button--small" onClick={() => onProject(code)}>
                  Show
                </button>
                <button type="button" className="button button--small button--danger" onClick={() => void stop(code.code)} aria-label={`Stop the code ${formatJoinCode(code.code)}`}>
                  Stop
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && (
        <p className="room-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
