"use client";
/** For a read-only link: say so, and offer an editable copy (the demo's main call to action). */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { mapPath, rememberMap, tokenFromLink } from "@/lib/recent-maps";
import { CopyIcon, SpinnerIcon } from "../icons";
import { copyMap } from "../mapRequests";

export function CopyBanner({ token, title }: { token: string; title: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const demo = token === "demo";

  const makeCopy = async () => {
    setBusy(true);
    setProblem(null);
    const result = await copyMap(token);
    const ownerToken = result.ok ? tokenFromLink(result.value.links.owner) : null;
    if (!result.ok || !ownerToken) {
      setBusy(false);
      setProblem(result.ok ? "The server answered with a link this page does not understand." : result.message);
      return;
    }
    rememberMap({ token: ownerToken, title, role: "owner" });
    router.push(mapPath(ownerToken));
  };

  return (
    <section className={`view-banner${demo ? " view-banner--demo" : ""}`} aria-label="Read-only map">
      <p>
        {demo ? (
          <>
            <strong>This is the demo debate.</strong> It is read-only: make your own copy to add claims, reasons and links.
          </>
        ) : (
          <>
            <strong>You are viewing this map read-only.</strong> Make a copy to edit your own version.
          </>
        )}
      </p>
      <button type="button" className="button button--primary" onClick={makeCopy} disabled={busy} data-testid="make-copy">
        {busy ? <SpinnerIcon size={16} className="spin" /> : <CopyIcon size={16} />}
        {busy ? "Copying…" : "Make an editable copy"}
      </button>
      {problem && (
        <p className="view-banner__error" role="alert" data-testid="make-copy-error">
          {problem}
        </p>
      )}
    </section>
  );
}
