"use client";
/**
 * The owner's Share dialog: the view and edit links (copy, QR code, projector view), replacing a
 * link after a confirm step, and the owner link with a warning. A modal <dialog>: the page behind
 * it is inert, Esc closes it, and focus returns to the Share button.
 */
import "./share.css";
import { useEffect, useRef, useState } from "react";
import { mapPath, replaceMapToken } from "@/lib/recent-maps";
import { keepFocusInside } from "../dialogFocus";
import { CrossIcon, ShareIcon, WarningIcon } from "../icons";
import { CopyField } from "./CopyField";
import { QrCode } from "./QrCode";
import { RotateLink } from "./RotateLink";
import { fetchShareTokens, rotateShareLink, type ShareRole, type ShareTokens } from "./shareRequests";

export interface ShareButtonProps {
  /** The owner token this page was opened with. */
  token: string;
  title: string;
  initialTokens: ShareTokens;
}

function linkFor(token: string | undefined): string {
  return token ? `${window.location.origin}${mapPath(token)}` : "";
}

export function ShareButton({ token, title, initialTokens }: ShareButtonProps) {
  const [open, setOpen] = useState(false);
  const [tokens, setTokens] = useState<ShareTokens>(initialTokens);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="button button--small button--primary share-button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="share-button">
        <ShareIcon size={14} />
        Share
      </button>
      {open && (
        <ShareDialog
          token={token}
          title={title}
          tokens={tokens}
          onTokens={setTokens}
          onClosed={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

const ROLE_NAME: Record<ShareRole, string> = { edit: "edit", view: "view" };

function ShareDialog({ token, title, tokens, onTokens, onClosed }: { token: string; title: string; tokens: ShareTokens; onTokens(tokens: ShareTokens): void; onClosed(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [projector, setProjector] = useState(false);
  const [confirming, setConfirming] = useState<ShareRole | null>(null);
  const [rotating, setRotating] = useState(false);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const presentButton = useRef<HTMLButtonElement>(null);
  /** Bumped by every rotation, so a slower refresh cannot bring back the links it replaced. */
  const rotations = useRef(0);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // Another tab may have replaced a link since this page loaded: show the current ones.
  useEffect(() => {
    let current = true;
    const before = rotations.current;
    void fetchShareTokens(token).then((result) => {
      if (current && result.ok && rotations.current === before) onTokens(result.tokens);
    });
    return () => {
      current = false;
    };
  }, [token, onTokens]);

  const close = () => dialog.current?.close();

  const rotate = async (role: ShareRole) => {
    setRotating(true);
    setProblem(null);
    rotations.current += 1;
    const old = tokens[role];
    const result = await rotateShareLink(token, role);
    setRotating(false);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    onTokens(result.tokens);
    const fresh = result.tokens[role];
    if (old && fresh) replaceMapToken(old, fresh);
    setConfirming(null);
    setStatus(`New ${ROLE_NAME[role]} link ready. The old one no longer works.`);
    requestAnimationFrame(() => document.getElementById(`share-link-${role}-field`)?.focus());
  };

  const viewLink = linkFor(tokens.view);

  return (
    <dialog
      ref={dialog}
      className={`dialog share-dialog${projector ? " share-dialog--projector" : ""}`}
      aria-labelledby="share-title"
      aria-describedby="share-intro"
      data-testid="share-dialog"
      onClose={onClosed}
      onKeyDown={keepFocusInside}
      onClick={(event) => {
        if (event.target === dialog.current) close(); // a click on the backdrop
      }}
    >
      <div className="dialog__header">
        <h2 id="share-title">
          <ShareIcon size={18} /> Share <span className="share-dialog__map-title">“{title}”</span>
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close} data-testid="share-close">
          <CrossIcon size={18} />
        </button>
      </div>

      {projector ? (
        <div className="share-projector" data-testid="share-projector">
          <p id="share-intro" className="share-projector__lead">
            Scan to follow this map (read only)
          </p>
          <QrCode value={viewLink} label={`QR code of the view link, ${viewLink}`} large />
          <p className="share-projector__link">{viewLink}</p>
          <button type="button" className="button" aria-pressed="true" onClick={() => {
              setProjector(false);
              requestAnimationFrame(() => presentButton.current?.focus());
            }}
            data-testid="share-projector-toggle"
            autoFocus
          >
            Back to the links
          </button>
        </div>
      ) : (
        <div className="share-body">
          <p id="share-intro" className="share-body__intro">
            Anyone who has a link can open the map with that link&rsquo;s rights. There is no sign-in: share each link only with the people it is meant for.
          </p>

          <section className="share-section" aria-labelledby="share-view-title">
            <h3 id="share-view-title">View link</h3>
            <div className="share-section__with-qr">
              <div className="share-section__main">
                <CopyField
                  id="share-link-view-field"
                  role="view"
                  label="View link"
                  value={viewLink}
                  hint={<p className="share-hint">People with it can read the map and follow changes live, but cannot change anything.</p>}
                />
                <button ref={presentButton} type="button" className="button button--small" aria-pressed="false" onClick={() => setProjector(true)} disabled={!viewLink} data-testid="share-projector-toggle">
                  Present on a projector
                </button>
              </div>
              {viewLink && <QrCode value={viewLink} label="QR code of the view link" />}
            </div>
            <RotateLink role="view" confirming={confirming === "view"} busy={rotating} onAsk={() => setConfirming("view")} onCancel={() => setConfirming(null)} onConfirm={() => rotate("view")} />
          </section>

          <section className="share-section" aria-labelledby="share-edit-title">
            <h3 id="share-edit-title">Edit link</h3>
            <CopyField
              id="share-link-edit-field"
              role="edit"
              label="Edit link"
              value={linkFor(tokens.edit)}
              hint={<p className="share-hint">People with it can change the map with you: add, edit, link and delete.</p>}
            />
            <RotateLink role="edit" confirming={confirming === "edit"} busy={rotating} onAsk={() => setConfirming("edit")} onCancel={() => setConfirming(null)} onConfirm={() => rotate("edit")} />
          </section>

          <section className="share-section share-section--owner" aria-labelledby="share-owner-title">
            <h3 id="share-owner-title">Owner link</h3>
            <p className="share-warning" data-testid="share-owner-warning">
              <WarningIcon size={16} />
              <span>
                <strong>Keep it private: anyone with it can manage the map</strong> — edit it and replace its links. It is this page&rsquo;s address;
                bookmark it to come back.
              </span>
            </p>
            <CopyField id="share-link-owner-field" role="owner" label="Owner link" value={linkFor(tokens.owner ?? token)} />
          </section>

          {problem && (
            <p className="share-problem" role="alert" data-testid="share-error">
              {problem}
            </p>
          )}
          <p className="share-status" role="status" data-testid="share-status">
            {status}
          </p>
        </div>
      )}
    </dialog>
  );
}
