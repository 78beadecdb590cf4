"use client";
/**
 * In the presenter's room panel: the room's agree/disagree votes set the base scores of the points
 * they were about (issue 16), through the registry's setBaseScoresFromVotes, as one change to the
 * map that everyone sees. Only for a role that edits; "Which claims stand" shows what follows.
 */
import "./votes-to-scores.css";
import { useState } from "react";
import { setBaseScoresFromVotes } from "@/lib/actions/baseScore";
import type { ActionContext } from "@/lib/actions/types";
import { newId } from "@/lib/map/ids";
import type { Op } from "@/lib/map/ops";
import type { Tally } from "@/lib/map/room/reactions";
import { baseScoresFromVotes } from "@/lib/map/room/voteScores";
import type { MapDoc, PresentationStep, Role } from "@/lib/map/types";
import type { SendOnceAnswer } from "@/lib/sync/send-once";

export interface VotesToScoresProps {
  doc: MapDoc;
  role: Role;
  steps: readonly PresentationStep[];
  tallies: Readonly<Record<number, Tally>>;
  dispatch(ops: Op[]): Promise<SendOnceAnswer>;
}

export function VotesToScores({ doc, role, steps, tallies, dispatch }: VotesToScoresProps) {
  const [said, setSaid] = useState("");
  const [sending, setSending] = useState(false);
  // The presenter's window has no selection or canvas: the action reads only the doc and the role.
  const context: ActionContext = {
    doc,
    role,
    selection: { nodeIds: [], edgeIds: [] },
    canUndo: false,
    canRedo: false,
    insertionPoint: () => ({ x: 0, y: 0 }),
    sizeOf: () => ({ width: 0, height: 0 }),
    newId: () => newId(),
  };
  if (!setBaseScoresFromVotes.enabled(context)) return null;

  const apply = async () => {
    const ops = setBaseScoresFromVotes.perform(context, baseScoresFromVotes(steps, tallies));
    if (ops === false) {
      setSaid("The base scores already follow the votes (steps with only unsure votes change nothing).");
      return;
    }
    setSending(true);
    const answer = await dispatch(ops);
    setSending(false);
    if (!answer.ok) setSaid(answer.message);
    else setSaid(answer.applied === 1 ? "Set 1 point’s base score from the votes." : `Set ${answer.applied} points’ base scores from the votes.`);
  };

  return (
    <div className="votes-to-scores">
      <button type="button" className="button button--small" onClick={() => void apply()} disabled={sending} data-testid="votes-to-scores">
        Set base scores from the votes
      </button>
      <p className="console__room-quiet">Each point voted on starts from its share of agree votes (unsure votes abstain); its strength in Which claims stand follows.</p>
      <p role="status" data-testid="votes-to-scores-status">
        {said}
      </p>
    </div>
  );
}
