"use client";
/**
 * On a node: an outline in the colour of each person who has it selected, with their name (so
 * colour is never the only signal), and "Name is editing" while someone types in its text.
 */
import "./presence.css";
import type { CSSProperties } from "react";
import type { RemoteNodeMarks as Marks } from "@/lib/sync/presence-view";

function PencilIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M4 20h4L19 9l-4-4L4 16z" />
      <path d="M13.5 6.5l4 4" />
    </svg>
  );
}

export function RemoteNodeMarks({ marks }: { marks: Marks }) {
  const { selectedBy, editingBy } = marks;
  const editorIds = new Set(editingBy.map((peer) => peer.clientId));
  // The editing badge names whoever is typing; the labels name the others.
  const labelled = selectedBy.filter((peer) => !editorIds.has(peer.clientId));
  return (
    <>
      {selectedBy.map((peer, index) => (
        <div
          key={peer.clientId}
          className="remote-selection"
          data-testid="remote-selection"
          data-name={peer.name}
          style={{ "--peer-colour": peer.colour, "--ring": index } as CSSProperties}
        />
      ))}
      {labelled.length > 0 && (
        <div className="remote-labels">
          {labelled.map((peer) => (
            <span key={peer.clientId} className="remote-label" style={{ background: peer.colour }}>
              {peer.name}
            </span>
          ))}
        </div>
      )}
      {editingBy.length > 0 && (
        <div className="editing-badges" role="status">
          {editingBy.map((peer) => (
            <span key={peer.clientId} className="editing-badge" data-testid="editing-badge" data-name={peer.name} style={{ background: peer.colour }}>
              <PencilIcon />
              {peer.name} is editing
            </span>
          ))}
        </div>
      )}
    </>
  );
}
