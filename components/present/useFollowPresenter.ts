"use client";
/**
 * Following the room's leader from the editor: whoever the server says leads this map (never
 * what a peer's presence claims), and, while we follow, the nodes their audience sees and a camera
 * that moves with each step. Following starts by itself when a presentation starts; "Stop
 * following" lasts until "Follow", until someone starts a new presentation, or until the owner or
 * leader brings everyone back ("Bring everyone to me"), which also moves the view to theirs.
 */
import { useReactFlow } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { resolvedSteps, revealedAt, stepFocus } from "@/lib/map/presentation";
import type { Summon } from "@/lib/map/room/lead";
import type { MapDoc, PresentationStep } from "@/lib/map/types";
import { motionDuration } from "../motion";
import { useRoom } from "../room/RoomContext";
import { useFrameNodes } from "./camera";

export interface PresenterView {
  clientId: string;
  name: string;
  colour: string;
  step: number;
}

const NO_STEPS: readonly PresentationStep[] = [];
/** Steps are framed between the banner (top) and the minimap (bottom corner). */
const INSETS = { topInset: 64, bottomInset: 170 };

export interface FollowState {
  /** The person presenting, or null when nobody is. */
  presenter: PresenterView | null;
  following: boolean;
  /** The presenter's step (0-based) and the number of steps. */
  step: number;
  count: number;
  steps: readonly PresentationStep[];
  /** While following: the nodes shown so far; null shows the whole map. */
  revealed: ReadonlySet<string> | null;
  stop(): void;
  follow(): void;
}

/**
 * `selfId` is this page's client id: its own summons do not move it. `notify` is told when the
 * leader we follow is gone (stopped, closed the stage, or their browser died: the server releases
 * the lead within 5 s), so nobody stays stuck on a partial map without knowing why.
 */
export function useFollowPresenter(doc: MapDoc, selfId: string | null = null, notify?: (message: string) => void): FollowState {
  const room = useRoom();
  const leader = room.lead?.leader ?? null;
  const presenter = useMemo<PresenterView | null>(
    () => (leader ? { clientId: leader.clientId, name: leader.name, colour: leader.colour, step: leader.step } : null),
    [leader?.clientId, leader?.name, leader?.colour, leader?.step],
  );
  const [stoppedFor, setStoppedFor] = useState<string | null>(null);
  const following = presenter !== null && stoppedFor !== presenter.clientId;
  const followed = useRef<PresenterView | null>(null);
  const latestNotify = useRef(notify);
  latestNotify.current = notify;
  useEffect(() => {
    const before = followed.current;
    followed.current = following ? presenter : null;
    if (before && presenter?.clientId !== before.clientId) {
      latestNotify.current?.(`${before.name} is no longer presenting, so you are no longer following: the whole map is shown again.`);
    }
  }, [following, presenter]);
  const presenting = presenter !== null;
  // Nobody presenting (the usual case) costs nothing per edit.
  const steps = useMemo(() => (presenting ? resolvedSteps(doc) : NO_STEPS), [presenting, doc]);
  const step = Math.max(0, Math.min(presenter?.step ?? 0, steps.length - 1));
  const revealed = useMemo(() => (following ? revealedAt(steps, step) : null), [following, steps, step]);
  const focus = useMemo(() => (following ? stepFocus(doc, steps, step) : []), [following, doc, steps, step]);

  const frame = useFrameNodes(doc, { padding: 0.25, maxZoom: 1.5, minZoom: 0.2 });
  const focusKey = following ? `${step}:${focus.join(",")}` : "";
  useEffect(() => {
    if (focus.length > 0) frame(focus, INSETS);
    // focusKey stands for focus: an edit elsewhere in the map leaves the camera alone.
  }, [focusKey]);

  useSummons(room.summon, selfId, () => setStoppedFor(null));

  const presenterId = presenter?.clientId ?? null;
  return {
    presenter,
    following,
    step,
    count: steps.length,
    steps,
    revealed,
    stop: () => setStoppedFor(presenterId),
    follow: () => setStoppedFor(null),
  };
}

/** A new summons (not our own) brings us back to following, and to the summoner's view when they sent one. */
function useSummons(summon: Summon | null, selfId: string | null, rejoin: () => void): void {
  const { fitBounds } = useReactFlow();
  const handled = useRef<Summon | null>(summon);
  useEffect(() => {
    if (!summon || summon === handled.current) return;
    handled.current = summon;
    if (summon.by.clientId === selfId) return;
    rejoin();
    if (summon.view) void fitBounds(summon.view, { padding: 0, duration: motionDuration(500) });
  }, [summon, selfId]);
}
