/** The selected nodes' base score: where their strength starts before reasons count (DF-QuAD). */
import type { Op } from "../map/ops";
import { entryOf } from "../map/records";
import { canEdit, type ValueAction } from "./types";

/** A score from 0 to 1, or null for the default (0.5). */
export const setBaseScore: ValueAction<number | null> = {
  kind: "value",
  id: "setBaseScore",
  label: "Base score",
  description: "How strong the selected points are before the reasons for and against them count (empty: the default, 50%)",
  group: "edit",
  shortcuts: [],
  enabled: (context) => canEdit(context) && context.selection.nodeIds.some((id) => entryOf(context.doc.nodes, id)),
  perform: (context, value) => {
    if (value !== null && !(value >= 0 && value <= 1)) return false;
    const ops: Op[] = [];
    for (const id of context.selection.nodeIds) {
      const node = entryOf(context.doc.nodes, id);
      if (node && node.baseScore !== value) ops.push({ type: "updateNode", id, patch: { baseScore: value } });
    }
    return ops.length > 0 ? ops : false;
  },
};

/**
 * Base scores from the room's votes (lib/map/room/voteScores): one change for every point whose
 * score the votes move, so the map, its evaluation and every view agree on them.
 */
export const setBaseScoresFromVotes: ValueAction<ReadonlyMap<string, number>> = {
  kind: "value",
  id: "setBaseScoresFromVotes",
  label: "Base scores from the votes",
  description: "Start each point the room voted on from the share of its agree votes (unsure votes abstain)",
  group: "edit",
  shortcuts: [],
  enabled: canEdit,
  perform: (context, scores) => {
    const ops: Op[] = [];
    for (const [id, score] of scores) {
      const node = entryOf(context.doc.nodes, id);
      if (node && score >= 0 && score <= 1 && node.baseScore !== score) ops.push({ type: "updateNode", id, patch: { baseScore: score } });
    }
    return ops.length > 0 ? ops : false;
  },
};
