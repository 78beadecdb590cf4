"use client";
/**
 * What to do with the words selected in the reader: a new claim, support or rebuttal quoting them,
 * or make them the quote of the selected node. The speaker is prefilled with the person the prose
 * names beside the words, or the source's author, and can be changed before choosing.
 */
import { forwardRef, useId, useState } from "react";
import { LIMITS } from "@/lib/map/limits";
import { trimmedRange } from "@/lib/map/quotes/anchor";
import { guessSpeaker } from "@/lib/map/quotes/speaker";
import type { ArgNode, NodeKind, Source } from "@/lib/map/types";
import { excerpt, KIND_ICON, KIND_LABEL } from "../kinds";
import { QuoteIcon } from "../icons";
import type { TextRange } from "./ReaderText";

export interface QuoteCommandsProps {
  source: Source;
  range: TextRange;
  /** The one node selected on the map, if any: what a support or rebuttal answers, and what "Attach" changes. */
  selectedNode: ArgNode | null;
  problem: string | null;
  onCreate(kind: NodeKind, speaker: string): void;
  onAttach(speaker: string): void;
}

const KINDS: NodeKind[] = ["claim", "support", "rebuttal"];

export const QuoteCommands = forwardRef<HTMLDivElement, QuoteCommandsProps>(function QuoteCommands(props, ref) {
  const { source, range, selectedNode, problem, onCreate, onAttach } = props;
  const titleId = useId();
  const speakerId = useId();
  const { start, end } = trimmedRange(source.text, range.start, range.end);
  const words = source.text.slice(start, end);
  const guessed = guessSpeaker(source.text, start, end) || source.author.trim();
  // The guess follows the selection until the user types their own.
  const [typed, setTyped] = useState<{ for: string; speaker: string } | null>(null);
  const key = `${start}:${end}`;
  const speaker = typed?.for === key ? typed.speaker : guessed;
  const count = words.split(/\s+/).filter(Boolean).length;

  return (
    <div className="quote-commands" role="group" aria-labelledby={titleId} data-testid="quote-commands" ref={ref} tabIndex={-1}>
      <p className="quote-commands__title" id={titleId}>
        <QuoteIcon size={14} />
        <span>
          Quote “{excerpt(words, 80)}” ({count} word{count === 1 ? "" : "s"})
        </span>
      </p>
      <div className="field field--inline">
        <label htmlFor={speakerId}>Speaker</label>
        <input
          id={speakerId}
          value={speaker}
          maxLength={LIMITS.speakerLength}
          placeholder="Who said these words?"
          data-testid="quote-speaker"
          onChange={(event) => setTyped({ for: key, speaker: event.target.value })}
        />
      </div>
      <div className="quote-commands__buttons">
        {KINDS.map((kind) => {
          const Icon = KIND_ICON[kind];
          return (
            <button
              key={kind}
              type="button"
              className="button button--small"
              data-testid={`quote-new-${kind}`}
              aria-label={`New ${KIND_LABEL[kind].toLowerCase()} from this quote`}
              onClick={() => onCreate(kind, speaker)}
            >
              <Icon size={14} />
              New {KIND_LABEL[kind].toLowerCase()}
            </button>
          );
        })}
      </div>
      <button type="button" className="button button--small" data-testid="quote-attach" disabled={!selectedNode} onClick={() => onAttach(speaker)}>
        Attach as the quote of the selected node
      </button>
      <p className="quote-commands__hint">
        {selectedNode
          ? `A support or rebuttal answers the selected ${KIND_LABEL[selectedNode.kind].toLowerCase()} “${excerpt(selectedNode.text, 50)}”.`
          : "Select one node on the map to answer it or to attach the quote to it."}
      </p>
      {problem && (
        <p className="field__error" role="alert" data-testid="quote-problem">
          {problem}
        </p>
      )}
    </div>
  );
});
