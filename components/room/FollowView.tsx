"use client";
/**
 * What a follower sees of the room: on a phone, the step as cards over the map (with a way to
 * glance at the map and back); elsewhere, the banner over the canvas with the reaction buttons;
 * for the owner, who leads and a way to stop them.
 */
import { useEffect, useState } from "react";
import type { MapDoc, Role } from "@/lib/map/types";
import { stopLeading } from "@/lib/sync/room-requests";
import { FollowBanner } from "../present/FollowBanner";
import type { FollowState } from "../present/useFollowPresenter";
import { FollowCards } from "./FollowCards";
import { ReactionBar } from "./ReactionBar";
import { useIsPhone } from "./useIsPhone";

export function FollowView({ token, role, doc, follow }: { token: string; role: Role; doc: MapDoc; follow: FollowState }) {
  const phone = useIsPhone();
  const [glancing, setGlancing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // A new step brings the cards back: the glance was at the last one.
  useEffect(() => setGlancing(false), [follow.step, follow.following]);
  if (!follow.presenter) return null;

  const stop = async () => {
    const answer = await stopLeading(token, null);
    setProblem(answer.ok ? null : answer.message);
  };
  const ownerControls = role === "owner" && (
    <button type="button" className="button button--small button--danger" onClick={() => void stop()} data-testid="lead-stop">
      Stop {follow.presenter.name}&rsquo;s presentation
    </button>
  );

  if (phone && follow.following && !glancing) {
    return (
      <FollowCards token={token} doc={doc} follow={follow} onGlance={() => setGlancing(true)}>
        {ownerControls}
      </FollowCards>
    );
  }
  return (
    <FollowBanner follow={follow} onBackToCards={phone && follow.following ? () => setGlancing(false) : undefined}>
      {follow.following && !phone && <ReactionBar token={token} step={follow.step} compact />}
      {ownerControls}
      {problem && (
        <span className="follow-banner__problem" role="alert">
          {problem}
        </span>
      )}
    </FollowBanner>
  );
}
