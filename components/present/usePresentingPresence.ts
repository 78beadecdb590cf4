"use client";
/**
 * Tells the people on the map which step is on screen (presence `presenting`), so they can follow.
 * The stage has a presence of its own, under the id it leads with (the server relays `presenting`
 * only from the leader), and the browser's person id: the presenter with the editor open in
 * another tab is one person with two tabs.
 */
import { useEffect, useRef } from "react";
import { loadIdentity } from "@/lib/sync/identity";
import { createPresenceClient, httpPresenceSender, type PresenceClient } from "@/lib/sync/presence-client";

export function usePresentingPresence(token: string, clientId: string | null, step: number | null): void {
  const client = useRef<PresenceClient | null>(null);
  const latestStep = useRef(step);
  latestStep.current = step;

  useEffect(() => {
    // The public demo shows nobody to anybody (the server refuses presence there).
    if (clientId === null || token === "demo") return;
    const identity = loadIdentity(typeof localStorage === "undefined" ? null : localStorage);
    const presenting = latestStep.current === null ? null : { step: latestStep.current };
    const created = createPresenceClient({
      clientId,
      initial: { name: identity.name, colour: identity.colour, personId: identity.personId, presenting },
      send: httpPresenceSender(token),
    });
    client.current = created;
    // Closing the tab says goodbye at once, so followers are not left on a stale step.
    let gone = false;
    const leave = () => {
      if (gone) return;
      gone = true;
      client.current = null;
      created.dispose();
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [token, clientId]);

  useEffect(() => {
    client.current?.update({ presenting: step === null ? null : { step } });
  }, [step]);
}
