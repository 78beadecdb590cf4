"use client";
/** A step's counts as three labelled bars: words and numbers beside each bar, never colour alone. */
import "./reactions.css";
import { tallyTotal, VOTE_LABEL, VOTES, type Tally } from "@/lib/map/room/reactions";

export function TallyBars({ tally, label, large = false }: { tally: Tally; label: string; large?: boolean }) {
  const total = tallyTotal(tally);
  return (
    <figure className={`tally${large ? " tally--large" : ""}`} data-testid="tally" data-agree={tally.agree} data-disagree={tally.disagree} data-unsure={tally.unsure}>
      <figcaption className="tally__caption">
        {label} <span className="tally__total">({total === 1 ? "1 person" : `${total} people`})</span>
      </figcaption>
      <ul className="tally__rows">
        {VOTES.map((vote) => {
          const share = total === 0 ? 0 : Math.round((tally[vote] / total) * 100);
          return (
            <li key={vote} className={`tally__row tally__row--${vote}`}>
              <span className="tally__name">{VOTE_LABEL[vote]}</span>
              <span className="tally__track" aria-hidden="true">
                <span className="tally__bar" style={{ width: `${share}%` }} />
              </span>
              <span className="tally__count" data-testid={`tally-${vote}`}>
                {tally[vote]}
                <span className="visually-hidden"> ({share}%)</span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
