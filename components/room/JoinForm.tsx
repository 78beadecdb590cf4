"use client";
/**
 * Joining a room from a phone: the code from the projector (typed, or filled in by its QR code)
 * and, once per browser, the name others will see. Lands on the map with the code's role. A
 * scanned code with a name already saved joins at once.
 */
import "./room-base.css";
import "./join.css";
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { normalizeJoinCode } from "@/lib/map/room/joinCode";
import { cleanName, loadIdentity, NAME_KEY, NAME_MAX_LENGTH, saveName } from "@/lib/sync/identity";
import { redeemJoinCode } from "@/lib/sync/room-requests";

const storage = () => (typeof localStorage === "undefined" ? null : localStorage);

export function JoinForm({ initialCode }: { initialCode: string }) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState("");
  const [savedName, setSavedName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const autoJoined = useRef(false);

  const join = async (typedCode: string, typedName: string) => {
    if (!normalizeJoinCode(typedCode)) {
      setProblem("A code is 6 letters and digits, like K7M-P2Q: check it on the screen.");
      codeField.current?.focus();
      return;
    }
    if (!cleanName(typedName)) {
      setProblem("Please say what others should call you.");
      nameField.current?.focus();
      return;
    }
    setJoining(true);
    setProblem(null);
    const answer = await redeemJoinCode(typedCode);
    if (!answer.ok) {
      setJoining(false);
      setProblem(answer.message);
      codeField.current?.focus();
      return;
    }
    saveName(storage(), loadIdentity(storage()), typedName);
    window.location.assign(`/m/${encodeURIComponent(answer.value.token)}`);
  };

  useEffect(() => {
    const saved = storage()?.getItem(NAME_KEY) ?? null;
    const known = saved ? cleanName(saved) : "";
    setSavedName(known || null);
    setName(known);
    // A scanned QR code carries the code: with a name already known there is nothing left to ask.
    if (initialCode && known && !autoJoined.current) {
      autoJoined.current = true;
      void join(initialCode, known);
    } else (initialCode ? nameField : codeField).current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void join(code, name);
  };

  return (
    <main className="join-page">
      <Link href="/" className="brand" aria-label="Argumap home">
        <span className="brand__mark" aria-hidden="true" />
        Argumap
      </Link>
      <form className="join-form" onSubmit={submit} aria-labelledby="join-title" noValidate>
        <h1 id="join-title">Join a room</h1>
        <p className="join-form__lead">Type the code shown on the screen in the room.</p>
        <div className="field">
          <label htmlFor="join-code">Code</label>
          <input
            ref={codeField}
            id="join-code"
            className="join-form__code"
            type="text"
            value={code}
            onChange={(event) => setCode(event.target.value.toUpperCase())}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
            placeholder="K7M-P2Q"
            aria-invalid={problem !== null && !normalizeJoinCode(code)}
            aria-describedby={problem ? "join-problem" : undefined}
            data-testid="join-code"
          />
        </div>
        <div className="field">
          <label htmlFor="join-name">Your name</label>
          <input
            ref={nameField}
            id="join-name"
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={NAME_MAX_LENGTH}
            autoComplete="nickname"
            data-testid="join-name"
          />
          <p className="field__hint">{savedName ? "Saved in this browser; change it if you like." : "Others on the map see it. It stays in this browser."}</p>
        </div>
        {problem && (
          <p id="join-problem" className="room-problem" role="alert" data-testid="join-problem">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary button--large" disabled={joining} data-testid="join-submit">
          {joining ? "Joining…" : "Join"}
        </button>
      </form>
    </main>
  );
}
