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

export interface VotesToScoresProps {
  doc: MapDoc;
  role: Role;
  steps: readonly PresentationStep[];
  tallies: Readonly<Record<number, Tally>>;
  dispatch(ops: Op[]): boolean;
}

export function VotesToScores({ doc, role, steps, tallies, dispatch }: VotesToScoresProps) {
  const [said, setSaid] = useState("");
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

  const apply = () => {
    const ops = setBaseScoresFromVotes.perform(context, baseScoresFromVotes(steps, tallies));
    if (ops === false) setSaid("The base scores already follow the votes (steps with only unsure votes change nothing).");
    else if (dispatch(ops)) setSaid(ops.length === 1 ? "Set 1 point’s base score from the votes." : `Set ${ops.length} points’ base scores from the votes.`);
    else setSaid("The map did not take the change: the points may have been deleted meanwhile.");
  };

  return (
    <div className="votes-to-scores">
      <button type="button" className="button button--small" onClick={apply} data-testid="votes-to-scores">
        Set base scores from the votes
      </button>
      <p className="console__room-quiet">Each point voted on starts from its share of agree votes (unsure votes abstain); its strength in Which claims stand follows.</p>
      <p role="status" data-testid="votes-to-scores-status">
        {said}
      </p>
    </div>
  );
}
