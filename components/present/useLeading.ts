"use client";
/**
 * The stage's claim to lead the room. Pressing Present asks the server to lead; the server says
 * yes (everyone's view follows this stage), or no and why (this stage presents privately and
 * says so). While leading, each step change and a heartbeat every HEARTBEAT_MS keep the lead; the
 * stream says when it is lost (the owner stopped it, took it back, or no longer lets editors
 * lead). Closing the stage gives the lead up at once.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { newId } from "@/lib/map/ids";
import { mayLead, type LeadChange } from "@/lib/map/room/lead";
import type { PresentationStep, Role } from "@/lib/map/types";
import { loadIdentity } from "@/lib/sync/identity";
import { requestLead, stopLeading, summonEveryone } from "@/lib/sync/room-requests";
import { useRoom } from "../room/RoomContext";

const HEARTBEAT_MS = 1_500;

export type LeadingStatus = "asking" | "leading" | "private";

export interface Leading {
  /** The id this stage leads under. */
  clientId: string;
  status: LeadingStatus;
  /** Why this stage presents privately (or lost the lead), in words; null while all is well. */
  message: string | null;
  /** This link may lead now (so "Present to everyone" is worth offering). */
  canLead: boolean;
  take(): void;
  summon(): void;
}

const LOST: Partial<Record<LeadChange, (leader: string | null) => string>> = {
  "stopped-by-owner": () => "The map’s owner stopped your presentation to everyone; it stays on your screen.",
  "taken-over": (leader) => `${leader ?? "Someone"} took the lead; your presentation stays on your screen.`,
  "not-allowed": () => "The owner no longer lets editors present to everyone; your presentation stays on your screen.",
  gone: () => "The connection dropped and with it the lead; your presentation stays on your screen.",
};

export function useLeading(token: string, role: Role, steps: readonly PresentationStep[], index: number): Leading {
  const [clientId] = useState(() => newId("stage"));
  const [status, setStatus] = useState<LeadingStatus>(role === "view" ? "private" : "asking");
  const [message, setMessage] = useState<string | null>(role === "view" ? "A view link presents on this screen only: nobody else's view follows it." : null);
  const room = useRoom();
  const latest = useRef({ steps, index, status });
  latest.current = { steps, index, status };

  const ask = useCallback(
    async (take: boolean) => {
      const { steps: current, index: at } = latest.current;
      if (current.length === 0) return;
      const identity = loadIdentity(typeof localStorage === "undefined" ? null : localStorage);
      const answer = await requestLead(token, { clientId, name: identity.name, colour: identity.colour, step: at, count: current.length, nodeIds: current[at]?.nodeIds ?? [], take });
      if (answer.ok) {
        setStatus("leading");
        setMessage(null);
      } else if (answer.status === 403 || answer.status === 409) {
        setStatus("private");
        setMessage(answer.message);
      }
      // A network failure keeps the status: the next heartbeat tries again.
    },
    [token, clientId],
  );

  // Pressing Present is asking to lead (an owner takes the lead back, others wait their turn).
  useEffect(() => {
    if (role !== "view") void ask(true);
  }, [ask, role, steps.length > 0]);

  // Each step while leading, and a heartbeat.
  useEffect(() => {
    if (status === "leading") void ask(false);
  }, [index, steps.length]);
  useEffect(() => {
    if (status !== "leading") return;
    const timer = setInterval(() => void ask(false), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [status, ask]);

  // The stream says who leads: if it is no longer this stage, say why.
  const lead = room.lead;
  useEffect(() => {
    if (!lead || lead.leader?.clientId === clientId) return;
    // A heartbeat refused (409) just before this event arrived already made the stage private,
    // with a vaguer message: the stream's reason, naming this stage as the one that lost, wins.
    const lostByThisStage = lead.previous?.clientId === clientId && LOST[lead.change] !== undefined;
    if (latest.current.status !== "leading" && !lostByThisStage) return;
    setStatus("private");
    setMessage(LOST[lead.change]?.(lead.leader?.name ?? null) ?? "You are no longer presenting to everyone; your presentation stays on your screen.");
  }, [lead, clientId]);

  // Closing the stage (or leaving it) hands the room back at once.
  useEffect(() => {
    const leave = () => {
      if (latest.current.status === "leading") void stopLeading(token, clientId, true);
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [token, clientId]);

  const canLead = lead !== null && mayLead(role, lead.settings);
  return {
    clientId,
    status,
    message,
    canLead,
    take: () => void ask(true),
    summon: () => {
      const identity = loadIdentity(typeof localStorage === "undefined" ? null : localStorage);
      void summonEveryone(token, { clientId, name: identity.name, view: null });
    },
  };
}
