"use client";
/** The Room dialog's first part: who presents to everyone, the owner's setting, and "Bring everyone to me". */
import { useEffect, useState } from "react";
import type { Summon } from "@/lib/map/room/lead";
import { loadIdentity } from "@/lib/sync/identity";
import { saveRoomSettings, stopLeading, summonEveryone } from "@/lib/sync/room-requests";
import { useRoom } from "./RoomContext";
import "./room-base.css";
import "./room-dialog.css";

export type SummonView = () => Summon["view"];

export function LeadSection({ token, clientId, currentView, onSummoned }: { token: string; clientId: string | null; currentView: SummonView; onSummoned(): void }) {
  const { lead } = useRoom();
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const leader = lead?.leader ?? null;
  // Shown at once when the owner changes it; the stream's word (from any tab of the owner's) wins after.
  const [editorsMayLead, setEditorsMayLead] = useState(lead?.settings.editorsMayLead ?? false);
  const confirmed = lead?.settings.editorsMayLead;
  useEffect(() => {
    if (confirmed !== undefined) setEditorsMayLead(confirmed);
  }, [confirmed]);

  const answer = (result: { ok: true } | { ok: false; message: string }, done: string) => {
    setProblem(result.ok ? null : result.message);
    if (result.ok) setStatus(done);
    return result.ok;
  };

  return (
    <section className="room-section" aria-labelledby="room-lead-title">
      <h3 id="room-lead-title">Presenting to everyone</h3>
      <p className="room-section__state" data-testid="room-leader">
        {leader ? (
          <>
            <strong>{leader.name}</strong> is presenting to everyone (step {leader.step + 1} of {leader.count}).
          </>
        ) : (
          "Nobody is presenting to everyone."
        )}
      </p>
      {leader && (
        <button type="button" className="button button--small button--danger" onClick={async () => answer(await stopLeading(token, null), `${leader.name}’s presentation stopped.`)} data-testid="room-stop-leader">
          Stop {leader.name}&rsquo;s presentation
        </button>
      )}
      <label className="room-check">
        <input
          type="checkbox"
          checked={editorsMayLead}
          disabled={lead === null}
          onChange={async (event) => {
            const allow = event.target.checked;
            setEditorsMayLead(allow);
            if (!answer(await saveRoomSettings(token, { editorsMayLead: allow }), allow ? "Editors can now present to everyone." : "Only you present to everyone now.")) setEditorsMayLead(!allow);
          }}
          data-testid="room-editors-lead"
        />
        <span>
          Anyone with the edit link can present to everyone
          <span className="field__hint">
            {editorsMayLead
              ? "One at a time; you can take the lead back by presenting, or stop them here."
              : "Off: only you lead the room. Others who press Present present on their own screen only, and are told so."}
          </span>
        </span>
      </label>
      <div className="room-section__row">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={clientId === null}
          onClick={async () => {
            if (clientId === null) return;
            if (answer(await summonEveryone(token, { clientId, name: loadIdentity(localStorage).name, view: currentView() }), "Everyone’s view is now on yours.")) onSummoned();
          }}
          data-testid="room-summon"
        >
          Bring everyone to me
        </button>
        <span className="field__hint">Moves everyone&rsquo;s view to what you see, and brings back anyone who stopped following.</span>
      </div>
      {problem && (
        <p className="room-problem" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
