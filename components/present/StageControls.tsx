"use client";
/** The bar along the bottom of the stage: back, progress, next, and the stage's switches. */
import { VerdictIcon } from "../evaluation/VerdictIcon";
import { ExitIcon, FullscreenIcon, NextIcon, NotesIcon, PreviousIcon, ScreenOffIcon } from "./presentIcons";

export interface StageControlsProps {
  index: number;
  count: number;
  blank: boolean;
  fullscreen: boolean;
  onPrevious(): void;
  onNext(): void;
  onBlank(): void;
  onFullscreen(): void;
  onPresenter(): void;
  onLeave(): void;
  /** Which claims stand is shown. */
  stand: boolean;
  onStand(): void;
}

export function StageControls(props: StageControlsProps) {
  const { index, count, blank, fullscreen } = props;
  return (
    <nav className="present-controls" aria-label="Presentation controls">
      <div className="present-controls__steps">
        <button type="button" className="present-button" onClick={props.onPrevious} disabled={index <= 0} data-testid="present-prev" aria-label="Previous step (←)">
          <PreviousIcon size={22} />
        </button>
        <Progress index={index} count={count} />
        <button type="button" className="present-button present-button--next" onClick={props.onNext} disabled={index >= count - 1} data-testid="present-next" aria-label="Next step (→ or Space)">
          <NextIcon size={22} />
        </button>
      </div>
      <div className="present-controls__tools">
        <button type="button" className="present-button" onClick={props.onBlank} aria-pressed={blank} data-testid="present-blank" title="Blank screen (B)">
          <ScreenOffIcon size={20} />
          <span className="present-button__label">Blank</span>
        </button>
        <button type="button" className="present-button" onClick={props.onFullscreen} aria-pressed={fullscreen} data-testid="present-fullscreen" title="Full screen (F)">
          <FullscreenIcon size={20} />
          <span className="present-button__label">{fullscreen ? "Exit full screen" : "Full screen"}</span>
        </button>
        <button type="button" className="present-button" onClick={props.onStand} aria-pressed={props.stand} data-testid="present-stand" title="Which claims stand: label each point accepted, defeated or undecided (W)">
          <VerdictIcon label="accepted" size={20} />
          <span className="present-button__label">Which stand</span>
        </button>
        <button type="button" className="present-button" onClick={props.onPresenter} data-testid="present-open-presenter" title="Presenter view with notes, in a new window (P)">
          <NotesIcon size={20} />
          <span className="present-button__label">Presenter view</span>
        </button>
        <button type="button" className="present-button" onClick={props.onLeave} data-testid="present-exit" title="Back to the map (Esc)">
          <ExitIcon size={20} />
          <span className="present-button__label">Exit</span>
        </button>
      </div>
    </nav>
  );
}

export function Progress({ index, count }: { index: number; count: number }) {
  const position = count === 0 ? 0 : index + 1;
  return (
    <div className="present-progress" data-testid="present-progress" data-step={position} data-count={count}>
      <span className="present-progress__text">
        Step {position} of {count}
      </span>
      <span className="present-progress__bar" role="progressbar" aria-label="Progress" aria-valuemin={0} aria-valuemax={count} aria-valuenow={position}>
        <span className="present-progress__fill" style={{ width: count === 0 ? "0%" : `${(position / count) * 100}%` }} />
      </span>
    </div>
  );
}
