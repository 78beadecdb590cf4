"use client";
/**
 * Find in map (Ctrl/Cmd+F): a labelled search field over the canvas or the outline. Matches are
 * highlighted; Enter and Shift+Enter step through them and the view goes to each; the count is
 * announced. Esc closes it.
 */
import { useEffect, useRef, type KeyboardEvent } from "react";
import { ChevronDownIcon, CrossIcon, SearchIcon } from "../icons";

export interface SearchBarProps {
  query: string;
  count: number;
  /** The index of the match being shown, or -1. */
  index: number;
  /** Changes each time the bar is asked for (Ctrl/Cmd+F again puts the caret back in it). */
  openCount: number;
  onQuery(query: string): void;
  onStep(direction: 1 | -1): void;
  onClose(): void;
}

export function SearchBar({ query, count, index, openCount, onQuery, onStep, onClose }: SearchBarProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [openCount]);
  const status = !query.trim() ? "Type to find nodes by text, speaker, quote or source" : count === 0 ? "No matches" : `${index + 1} of ${count} ${count === 1 ? "match" : "matches"}`;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key.toLowerCase() === "f" && (event.ctrlKey || event.metaKey)) {
      // Asked for again while here: select the query rather than open the browser's own find.
      event.preventDefault();
      event.currentTarget.select();
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };
  return (
    <div role="search" className="search-bar" data-testid="search-bar">
      <SearchIcon size={16} className="search-bar__icon" />
      <label className="visually-hidden" htmlFor="map-search">
        Find in map
      </label>
      <input
        ref={input}
        id="map-search"
        type="search"
        className="search-bar__input"
        data-testid="search-input"
        placeholder="Find in map"
        autoComplete="off"
        spellCheck={false}
        value={query}
        aria-describedby="map-search-status"
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id="map-search-status" className="search-bar__status" role="status" aria-live="polite" data-testid="search-status">
        {status}
      </span>
      <button type="button" className="search-bar__button" aria-label="Previous match (Shift+Enter)" title="Previous match (Shift+Enter)" disabled={count === 0} onClick={() => onStep(-1)}>
        <ChevronDownIcon size={16} style={{ transform: "rotate(180deg)" }} />
      </button>
      <button type="button" className="search-bar__button" aria-label="Next match (Enter)" title="Next match (Enter)" disabled={count === 0} onClick={() => onStep(1)}>
        <ChevronDownIcon size={16} />
      </button>
      <button type="button" className="search-bar__button" aria-label="Close search (Esc)" title="Close (Esc)" data-testid="search-close" onClick={onClose}>
        <CrossIcon size={16} />
      </button>
    </div>
  );
}
