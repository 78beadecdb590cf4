"use client";
/**
 * Shown when the owner replaces the link this page was opened with: the map can no longer be read
 * or saved through it. A modal that cannot be dismissed, so nobody keeps editing into the void.
 */
import "./share.css";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { forgetMap } from "@/lib/recent-maps";
import { LinkOffIcon } from "../icons";

export function RevokedBanner({ token }: { token: string }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    // The home page's list must not offer a link that no longer opens anything.
    forgetMap(token);
  }, [token]);

  return (
    <dialog
      ref={dialog}
      className="revoked-banner"
      role="alertdialog"
      aria-labelledby="revoked-title"
      aria-describedby="revoked-text"
      data-testid="revoked-banner"
      onCancel={(event) => event.preventDefault()}
      // Some browsers close a modal on a second Esc whatever the page says: open it again.
      onClose={(event) => event.currentTarget.showModal()}
    >
      <h2 id="revoked-title">
        <LinkOffIcon size={22} />
        This link was revoked by the map&rsquo;s owner
      </h2>
      <p id="revoked-text">
        The owner replaced it with a new link, so this page can no longer show or save the map, and it was removed from your recent
        maps. Ask whoever shared the map for the new link.
      </p>
      <div className="form-actions">
        <Link href="/" className="button button--primary" autoFocus data-testid="revoked-home">
          Go to the home page
        </Link>
      </div>
    </dialog>
  );
}
