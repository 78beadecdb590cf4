"use client";
/**
 * The join screen for the projector: a large QR code and the short code in big letters, where to
 * type it, what it joins as and until when. Full screen on request (which also hides the owner's
 * address bar); "Stop this code" ends it at once.
 */
import "./room-base.css";
import "./join.css";
import { useEffect, useRef, useState } from "react";
import { formatJoinCode, type JoinCodeView } from "@/lib/map/room/joinCode";
import { stopJoinCode } from "@/lib/sync/room-requests";
import { keepFocusInside } from "../dialogFocus";
import { FullscreenIcon } from "../present/presentIcons";
import { QrCode } from "../share/QrCode";
import { untilTime } from "./JoinCodesSection";

export function JoinScreen({ token, title, code, onClosed }: { token: string; title: string; code: JoinCodeView; onClosed(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [stopped, setStopped] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const close = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    dialog.current?.close();
  };
  const joinPage = new URL(code.url);
  const formatted = formatJoinCode(code.code);

  return (
    <dialog ref={dialog} className="join-screen" aria-labelledby="join-screen-title" aria-describedby="join-screen-how" data-testid="join-screen" onClose={onClosed} onKeyDown={keepFocusInside}>
      <h2 id="join-screen-title" className="join-screen__title">
        Join “{title}”
      </h2>
      <div className="join-screen__body">
        <QrCode value={code.url} label={`QR code that opens ${joinPage.host}/join with the code ${formatted}`} large />
        <div className="join-screen__how">
          <p id="join-screen-how" className="join-screen__lead">
            Scan the QR code, or go to <strong className="join-screen__address">{joinPage.host}/join</strong> and type
          </p>
          <p className="join-screen__code" data-testid="join-screen-code" data-code={code.code} aria-label={`The code: ${[...code.code].join(" ")}`}>
            {stopped ? <s>{formatted}</s> : formatted}
          </p>
          <p className="join-screen__role">{code.role === "edit" ? "You join as an editor: you can add to the map." : "You join as a viewer: you can read the map and follow along."}</p>
          <p className="join-screen__until">{stopped ? "This code has been stopped." : `The code works until ${untilTime(code.expiresAt)}.`}</p>
        </div>
      </div>
      <div className="join-screen__actions">
        <button type="button" className="button" onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : dialog.current?.requestFullscreen?.())?.catch(() => undefined)}>
          <FullscreenIcon size={16} /> Full screen
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={stopped}
          onClick={async () => {
            const answer = await stopJoinCode(token, code.code);
            if (answer.ok || answer.status === 404) setStopped(true);
            else setProblem(answer.message);
          }}
          data-testid="join-screen-stop"
        >
          Stop this code
        </button>
        <button type="button" className="button button--primary" onClick={close} data-testid="join-screen-close" autoFocus>
          Close
        </button>
      </div>
      {problem && (
        <p className="room-problem" role="alert">
          {problem}
        </p>
      )}
    </dialog>
  );
}
