"use client";
/** The editor's notice that someone is presenting this map, with the way to follow or break away. */
import "./follow.css";
import type { ReactNode } from "react";
import type { FollowState } from "./useFollowPresenter";

/** `children` go at the end (reactions, the owner's Stop); `onBackToCards` is a phone glancing at the map. */
export function FollowBanner({ follow, children, onBackToCards }: { follow: FollowState; children?: ReactNode; onBackToCards?: () => void }) {
  const { presenter, following, step, count } = follow;
  if (!presenter) return null;
  // A zero-height anchor under the toolbar: the banner floats over the top of the canvas.
  return (
    <div className="follow-banner-anchor">
      <div className="follow-banner" role="status" data-testid="follow-banner" data-following={following ? "true" : "false"} data-step={step}>
        <span className="follow-banner__dot" style={{ background: presenter.colour }} aria-hidden="true" />
        {following ? (
          <>
            <span className="follow-banner__text">
              Following <strong>{presenter.name}</strong>
              <span className="follow-banner__step">
                {" "}
                · step {step + 1} of {count}
              </span>
            </span>
            {onBackToCards && (
              <button type="button" className="button button--small button--primary" onClick={onBackToCards} data-testid="follow-cards-back">
                Back to the step
              </button>
            )}
            <button type="button" className="button button--small" onClick={follow.stop} data-testid="follow-stop">
              Stop following
            </button>
          </>
        ) : (
          <>
            <span className="follow-banner__text">
              <strong>{presenter.name}</strong> is presenting this map
            </span>
            <button type="button" className="button button--small button--primary" onClick={follow.follow} data-testid="follow-join">
              Follow
            </button>
          </>
        )}
        {children}
      </div>
    </div>
  );
}
