"use client";
/**
 * A follower's voice during a presentation: agree / disagree / unsure on the step on screen (one
 * vote per person per step, changeable, pressed again to take it back), a raised hand with a
 * short question, and the step's results once the presenter shows them to the room.
 */
import "./reactions.css";
import { useEffect, useState, type ReactNode } from "react";
import { VOTE_LABEL, VOTES, type Vote } from "@/lib/map/room/reactions";
import { personId } from "@/lib/sync/person";
import { sendVote } from "@/lib/sync/room-requests";
import { CheckIcon, CrossIcon } from "../icons";
import { RaiseHand } from "./RaiseHand";
import { useRoom } from "./RoomContext";
import { TallyBars } from "./TallyBars";
import { loadVotes, saveVotes } from "./votes-store";

const VOTE_ICON: Record<Vote, ReactNode> = { agree: <CheckIcon size={16} />, disagree: <CrossIcon size={16} />, unsure: "?" };

export function ReactionBar({ token, step, compact = false }: { token: string; step: number; compact?: boolean }) {
  const room = useRoom();
  const sessionId = room.lead?.leader?.sessionId ?? null;
  const [votes, setVotes] = useState<Record<number, Vote>>({});
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setVotes(sessionId ? loadVotes(sessionId) : {}), [sessionId]);
  if (!sessionId) return null;
  const mine = votes[step] ?? null;
  const results = room.results[step];

  const choose = async (vote: Vote) => {
    const next = mine === vote ? null : vote;
    const before = votes;
    const updated = { ...votes };
    if (next) updated[step] = next;
    else delete updated[step];
    setVotes(updated);
    setProblem(null);
    const answer = await sendVote(token, { voterId: personId(), step, vote: next });
    if (answer.ok) saveVotes(sessionId, updated);
    else {
      setVotes(before);
      setProblem(answer.message);
    }
  };

  return (
    <section className={`reactions${compact ? " reactions--compact" : ""}`} aria-label="Your reaction to this step" data-testid="reactions">
      <div className="reactions__votes" role="group" aria-label="Do you agree with this step?">
        {VOTES.map((vote) => (
          <button
            key={vote}
            type="button"
            className={`reaction reaction--${vote}`}
            aria-pressed={mine === vote}
            onClick={() => void choose(vote)}
            data-testid={`react-${vote}`}
          >
            <span className="reaction__icon" aria-hidden="true">
              {VOTE_ICON[vote]}
            </span>
            {VOTE_LABEL[vote]}
          </button>
        ))}
        <RaiseHand token={token} step={step} />
      </div>
      <p className="reactions__status" role="status">
        {problem ?? (mine ? `You chose “${VOTE_LABEL[mine]}”. Press it again to take it back.` : "")}
      </p>
      {results && <TallyBars tally={results} label="The room so far" />}
    </section>
  );
}
