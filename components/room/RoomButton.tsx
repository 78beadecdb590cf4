"use client";
/**
 * The owner's Room dialog, for a class or a meeting: who presents to everyone (and whether
 * editors may), bringing everyone's view to the owner's, and join codes for the room, shown on
 * the projector. A modal <dialog>: Esc closes it and focus returns to the Room button.
 */
import "./room-base.css";
import "./room-dialog.css";
import { useEffect, useRef, useState } from "react";
import { CrossIcon } from "../icons";
import { keepFocusInside } from "../dialogFocus";
import { JoinCodesSection } from "./JoinCodesSection";
import { JoinScreen } from "./JoinScreen";
import { LeadSection, type SummonView } from "./LeadSection";
import { RoomIcon } from "./roomIcons";
import type { JoinCodeView } from "@/lib/map/room/joinCode";

export interface RoomButtonProps {
  token: string;
  title: string;
  /** This page's client id, for "Bring everyone to me" (which does not move this page). */
  clientId: string | null;
  /** The area of the map the owner sees now (null in the outline). */
  currentView: SummonView;
}

export function RoomButton(props: RoomButtonProps) {
  const [open, setOpen] = useState(false);
  const [projected, setProjected] = useState<JoinCodeView | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="button button--small" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="room-button" title="Run a class or a meeting: who presents, join codes, reactions">
        <RoomIcon size={14} /> Room
      </button>
      {open && (
        <RoomDialog
          {...props}
          onProject={(code) => {
            setOpen(false);
            setProjected(code);
          }}
          onClosed={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
      {projected && (
        <JoinScreen
          token={props.token}
          title={props.title}
          code={projected}
          onClosed={() => {
            setProjected(null);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

function RoomDialog({ token, clientId, currentView, onProject, onClosed }: RoomButtonProps & { onProject(code: JoinCodeView): void; onClosed(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const close = () => dialog.current?.close();
  return (
    <dialog
      ref={dialog}
      className="dialog room-dialog"
      aria-labelledby="room-title"
      data-testid="room-dialog"
      onClose={onClosed}
      onKeyDown={keepFocusInside}
      onClick={(event) => {
        if (event.target === dialog.current) close();
      }}
    >
      <div className="dialog__header">
        <h2 id="room-title">The room</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close} data-testid="room-close">
          <CrossIcon size={18} />
        </button>
      </div>
      <div className="room-dialog__body">
        <LeadSection token={token} clientId={clientId} currentView={currentView} onSummoned={close} />
        <JoinCodesSection token={token} onProject={onProject} />
      </div>
    </dialog>
  );
}
