"use client";
/**
 * Following a presenter from the editor: whoever on this map is presenting (their presence says
 * which step), and, while we follow, the nodes their audience sees and a camera that moves with
 * each step. Following starts by itself when a presentation starts; "Stop following" lasts until
 * "Follow", or until someone starts a new presentation.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { resolvedSteps, revealedAt, stepFocus } from "@/lib/map/presentation";
import type { MapDoc, PresentationStep } from "@/lib/map/types";
import type { PresenceSession } from "@/lib/sync/presence-session";
import { presenterOf, type PresenterView } from "@/lib/sync/presenter";
import { usePresenceValue } from "../presence/PresenceContext";
import { useFrameNodes } from "./camera";

/** The last presenter read per session: the same object until what it shows changes. */
const lastPresenter = new WeakMap<PresenceSession, { peers: unknown; view: PresenterView | null }>();
const readPresenter = (session: PresenceSession): PresenterView | null => {
  const peers = session.getPeers();
  const last = lastPresenter.get(session);
  if (last?.peers === peers) return last.view;
  const view = presenterOf(peers, last?.view ?? null);
  lastPresenter.set(session, { peers, view });
  return view;
};
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
  /** While following: the nodes shown so far; null shows the whole map. */
  revealed: ReadonlySet<string> | null;
  stop(): void;
  follow(): void;
}

/**
 * `notify` is told when the presenter we follow is gone (stopped, closed the stage, or their
 * connection dropped: the server says so within 5 s), so nobody stays stuck on a partial map.
 */
export function useFollowPresenter(doc: MapDoc, notify?: (message: string) => void): FollowState {
  const presenter = usePresenceValue(readPresenter, null);
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

  const presenterId = presenter?.clientId ?? null;
  return {
    presenter,
    following,
    step,
    count: steps.length,
    revealed,
    stop: () => setStoppedFor(presenterId),
    follow: () => setStoppedFor(null),
  };
}
