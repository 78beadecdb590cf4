"use client";
/** Raise a hand with a short question for the presenter; lower it again; told when it was answered. */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { QUESTION_MAX_LENGTH } from "@/lib/map/room/reactions";
import { loadIdentity } from "@/lib/sync/identity";
import { personId } from "@/lib/sync/person";
import { lowerHand, raiseHand } from "@/lib/sync/room-requests";
import { HandIcon } from "./roomIcons";
import { useRoom } from "./RoomContext";
import "./reactions.css";

export function RaiseHand({ token, step }: { token: string; step: number }) {
  const room = useRoom();
  const [asking, setAsking] = useState(false);
  const [question, setQuestion] = useState("");
  const [raised, setRaised] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const answered = raised !== null && room.closedHands.has(raised);
  useEffect(() => {
    if (!answered) return;
    setRaised(null);
    setMessage("The presenter has taken your question.");
  }, [answered]);
  useEffect(() => {
    if (asking) field.current?.focus();
  }, [asking]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = loadIdentity(typeof localStorage === "undefined" ? null : localStorage).name;
    const answer = await raiseHand(token, { voterId: personId(), name, step, question: question.trim() });
    if (!answer.ok) return setMessage(answer.message);
    setRaised(answer.value.id);
    setAsking(false);
    setQuestion("");
    setMessage("Your hand is up: the presenter sees your question.");
  };

  const lower = async () => {
    if (!raised) return;
    const answer = await lowerHand(token, raised, personId());
    if (answer.ok || answer.status === 404) {
      setRaised(null);
      setMessage("Hand lowered.");
    } else setMessage(answer.message);
  };

  return (
    <>
      {raised ? (
        <button type="button" className="reaction reaction--hand" aria-pressed="true" onClick={() => void lower()} data-testid="hand-lower">
          <HandIcon size={18} /> Lower hand
        </button>
      ) : (
        <button type="button" className="reaction reaction--hand" aria-expanded={asking} aria-controls={`${id}-form`} onClick={() => setAsking((open) => !open)} data-testid="hand-raise">
          <HandIcon size={18} /> Raise hand
        </button>
      )}
      {asking && !raised && (
        <form id={`${id}-form`} className="hand-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={`${id}-question`}>Your question (optional)</label>
          <textarea
            ref={field}
            id={`${id}-question`}
            rows={2}
            maxLength={QUESTION_MAX_LENGTH}
            value={question}
            onChange={(event) => setQuestion(event.target.value)}
            data-testid="hand-question"
          />
          <div className="hand-form__actions">
            <button type="submit" className="button button--primary button--small" data-testid="hand-send">
              Raise my hand
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <span className="visually-hidden" role="status">
        {message}
      </span>
    </>
  );
}
