"use client";
/**
 * The presenter window's view of the room: who leads, the live tally of the step on screen (shown
 * to the room only when revealed), the raised hands with their questions, every step's counts so
 * far, and the results as a file. Tallies arrive at most ten times a second, however busy the room.
 */
import "../room/room-base.css";
import "../room/room-panel.css";
import { useState } from "react";
import { mayLead } from "@/lib/map/room/lead";
import { emptyTally, tallyTotal, type RaisedHand } from "@/lib/map/room/reactions";
import type { Op } from "@/lib/map/ops";
import type { MapDoc, PresentationStep, Role } from "@/lib/map/types";
import type { SendOnceAnswer } from "@/lib/sync/send-once";
import { lowerHand, resultsUrl, revealStep } from "@/lib/sync/room-requests";
import { useRoom } from "../room/RoomContext";
import { TallyBars } from "../room/TallyBars";
import { VotesToScores } from "../evaluation/VotesToScores";

/** What the room's votes can change in the map: base scores (components/evaluation/VotesToScores). */
export interface RoomPanelMap {
  doc: MapDoc;
  steps: readonly PresentationStep[];
  /** Sends the ops to the map (once: the presenter's window keeps no queue). */
  dispatch(ops: Op[]): Promise<SendOnceAnswer>;
}

export function RoomPanel({ token, role, index, map }: { token: string; role: Role; index: number; map?: RoomPanelMap }) {
  const room = useRoom();
  const [problem, setProblem] = useState<string | null>(null);
  const leader = room.lead?.leader ?? null;
  const allowed = room.lead !== null && mayLead(role, room.lead.settings);
  const tally = room.tally;
  const revealed = tally?.revealed.includes(index) ?? false;
  const counted = tally ? Object.entries(tally.steps).filter(([, counts]) => tallyTotal(counts) > 0).sort(([a], [b]) => Number(a) - Number(b)) : [];
  const hands = tally?.hands ?? [];

  const check = (answer: { ok: boolean; message?: string }) => setProblem(answer.ok ? null : (answer.message ?? null));

  return (
    <section className="console__room" aria-labelledby="console-room" data-testid="presenter-room">
      <h2 id="console-room" className="console__heading">
        The room
      </h2>
      <p className="console__room-lead" data-testid="presenter-room-leader">
        {leader ? `${leader.name} leads: everyone following sees step ${leader.step + 1}.` : "Nobody leads the room: what you show stays on this screen."}
      </p>
      {!allowed ? (
        <p className="console__muted">The room&rsquo;s reactions are for whoever may lead it: the owner, and editors when the owner allows it.</p>
      ) : (
        <div className="console__room-card">
          {leader ? (
            <>
              <TallyBars tally={tally?.steps[index] ?? emptyTally()} label={`Step ${index + 1}`} large />
              <button
                type="button"
                className={`button button--small${revealed ? "" : " button--primary"}`}
                aria-pressed={revealed}
                onClick={async () => check(await revealStep(token, index, !revealed))}
                data-testid="reveal-toggle"
              >
                {revealed ? "Hide results from the room" : "Show results to the room"}
              </button>
            </>
          ) : null}
          <Hands hands={hands} onAnswer={async (hand) => check(await lowerHand(token, hand.id, null))} />
          {counted.length > 0 && (
            <table className="console__room-table">
              <caption>Every step so far</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Agree</th>
                  <th scope="col">Disagree</th>
                  <th scope="col">Unsure</th>
                </tr>
              </thead>
              <tbody>
                {counted.map(([step, counts]) => (
                  <tr key={step}>
                    <th scope="row">{Number(step) + 1}</th>
                    <td>{counts.agree}</td>
                    <td>{counts.disagree}</td>
                    <td>{counts.unsure}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {counted.length > 0 && map && tally && <VotesToScores doc={map.doc} role={role} steps={map.steps} tallies={tally.steps} dispatch={map.dispatch} />}
          <p className="console__room-export">
            Results: <a href={resultsUrl(token, "csv")}>CSV</a> · <a href={resultsUrl(token, "json")}>JSON</a>
          </p>
          {problem && (
            <p className="room-problem" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function Hands({ hands, onAnswer }: { hands: readonly RaisedHand[]; onAnswer(hand: RaisedHand): void }) {
  return (
    <div className="console__hands">
      <h3 className="console__room-subheading">
        Raised hands <span data-testid="hand-count">({hands.length})</span>
      </h3>
      {hands.length === 0 ? (
        <p className="console__room-quiet">No hands up.</p>
      ) : (
        <ol className="console__hand-list" data-testid="hand-queue">
          {hands.map((hand) => (
            <li key={hand.id} className="console__hand">
              <p>
                <strong>{hand.name}</strong> <span className="console__room-quiet">· step {hand.step + 1}</span>
              </p>
              {hand.question && <p className="console__hand-question">{hand.question}</p>}
              <button type="button" className="button button--small" onClick={() => onAnswer(hand)} aria-label={`Mark ${hand.name}'s question answered`}>
                Answered
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
