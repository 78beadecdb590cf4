"use client";
/**
 * Who is here: the others' avatars in their colours, then mine ("You"), which opens the name
 * dialog. Reads only the roster, so pointers and selections moving never re-render it.
 */
import "./presence.css";
import { useState } from "react";
import { initialsOf, type Identity } from "@/lib/sync/identity";
import type { PresenceSession } from "@/lib/sync/presence-session";
import { NO_PEERS, type PeerTag } from "@/lib/sync/presence-view";
import { NameDialog } from "./NameDialog";
import { usePresenceSession, usePresenceValue } from "./PresenceContext";

const MAX_SHOWN = 5;
const readRoster = (session: PresenceSession) => session.getRoster();
const readSelf = (session: PresenceSession) => session.getSelf();
const readOwnTabs = (session: PresenceSession) => session.getOwnTabs();

const tabsLabel = (tabs: number) => (tabs > 1 ? ` (${tabs} tabs)` : "");

function Avatar({ peer }: { peer: PeerTag }) {
  return (
    <li className="presence-strip__peer" data-testid="presence-peer" data-client-id={peer.clientId} data-name={peer.name} data-tabs={peer.tabs} title={`${peer.name}${tabsLabel(peer.tabs)}`}>
      <span className="avatar" style={{ background: peer.colour }} aria-hidden="true">
        {initialsOf(peer.name)}
      </span>
      {peer.tabs > 1 && (
        <span className="avatar__tabs" aria-hidden="true">
          {peer.tabs}
        </span>
      )}
      <span className="visually-hidden">
        {peer.name}
        {tabsLabel(peer.tabs)}
      </span>
    </li>
  );
}

function othersLabel(count: number): string {
  return count === 0 ? "Only you" : count === 1 ? "1 other" : `${count} others`;
}

export function PresenceStrip() {
  const session = usePresenceSession();
  const roster = usePresenceValue(readRoster, NO_PEERS);
  const self = usePresenceValue<Identity | null>(readSelf, null);
  const ownTabs = usePresenceValue(readOwnTabs, 1);
  const [renaming, setRenaming] = useState(false);
  if (!session || !self) return null;

  const shown = roster.slice(0, MAX_SHOWN);
  const hidden = roster.slice(MAX_SHOWN);
  const closeDialog = () => {
    // Closing the first-visit question keeps the suggested name: it is asked once.
    if (self.askName) session.setName(self.name);
    setRenaming(false);
  };

  return (
    <div className="presence-strip" data-testid="presence-strip" data-count={roster.length}>
      <ul className="presence-strip__list" aria-label={`People on this map: you and ${othersLabel(roster.length).toLowerCase()}`}>
        {shown.map((peer) => (
          <Avatar key={peer.clientId} peer={peer} />
        ))}
        {hidden.length > 0 && (
          <li className="presence-strip__peer" title={hidden.map((peer) => peer.name).join(", ")}>
            <span className="avatar avatar--more" aria-hidden="true">
              +{hidden.length}
            </span>
            <span className="visually-hidden">and {hidden.map((peer) => peer.name).join(", ")}</span>
          </li>
        )}
        <li className="presence-strip__peer presence-strip__peer--self">
          <button
            type="button"
            className="avatar avatar--self"
            style={{ background: self.colour }}
            title={`You (${self.name}): change your name`}
            data-testid="presence-self"
            data-name={self.name}
            onClick={() => setRenaming(true)}
          >
            {/* Named by its content, not aria-label: a label that leaves out the visible initials fails WCAG 2.5.3. */}
            <span aria-hidden="true">{initialsOf(self.name)}</span>
            <span className="visually-hidden">You, {self.name}. Change your name</span>
          </button>
          <span className="presence-strip__you" aria-hidden="true" data-testid="presence-own-tabs" data-tabs={ownTabs}>
            You{ownTabs > 1 ? ` · ${ownTabs} tabs` : ""}
          </span>
        </li>
      </ul>
      <span className="presence-strip__count" data-testid="presence-count" aria-hidden="true">
        {othersLabel(roster.length)}
      </span>
      <NameDialog
        open={self.askName || renaming}
        self={self}
        firstVisit={self.askName}
        onSave={(name) => {
          session.setName(name);
          setRenaming(false);
        }}
        onClose={closeDialog}
      />
    </div>
  );
}
