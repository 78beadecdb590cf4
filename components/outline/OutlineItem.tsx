"use client";
/** One line of the outline tree: how it bears on the line above, the text, who says it, their words. */
import { memo, type CSSProperties } from "react";
import { contradictsKind } from "@/lib/map/consistency";
import type { OutlineRow } from "@/lib/map/outlineTree";
import { NodeTextEditor } from "../editor/NodeTextEditor";
import type { Verdict } from "../evaluation/verdict";
import { VerdictTag } from "../evaluation/VerdictTag";
import { isUsualKind, RELATION_TAG } from "@/lib/map/describe";
import { excerpt, KIND_LABEL } from "../kinds";
import { QuoteFlag } from "../reader/QuoteFlag";


export interface OutlineItemProps {
  row: OutlineRow;
  /** For an undercut: the link it objects to, in words ("“A” supports “B”"). */
  undercutLink?: string;
  /** The one row reached with Tab (roving tab stop). */
  tabStop: boolean;
  selected: boolean;
  collapsed: boolean;
  /** Beneath a collapsed row (still in the page, so printing shows the whole map). */
  hidden: boolean;
  editing: boolean;
  /** A search match, or the one being shown. */
  found?: "hit" | "current";
  sourceName: string | null;
  /** The quote is checked against its source's text and not found there. */
  quoteFlag: "changed" | "missing" | null;
  /** Which claims stand: the node's label and strength, with the overlay on. */
  verdict?: Verdict;
  /** Why it has that label, on the focused line. */
  why?: string;
  onToggle(key: string): void;
}

function OutlineItemView({ row, undercutLink, tabStop, selected, collapsed, hidden, editing, found, sourceName, quoteFlag, verdict, why, onToggle }: OutlineItemProps) {
  const { node, relation } = row;
  const branch = row.childKeys.length > 0;
  const quote = node.quote.trim();
  const speaker = node.speaker.trim();
  const tag = relation ? RELATION_TAG[relation] : KIND_LABEL[node.kind];
  return (
    <li
      role="treeitem"
      className={`outline-item outline-item--${node.kind}${selected ? " is-selected" : ""}${found ? ` is-found is-found--${found}` : ""}`}
      data-found={found}
      style={{ "--outline-level": row.level } as CSSProperties}
      data-testid="outline-item"
      data-key={row.key}
      data-id={node.id}
      data-kind={node.kind}
      data-relation={relation ?? "none"}
      aria-level={row.level}
      aria-setsize={row.siblings}
      aria-posinset={row.position}
      aria-expanded={branch ? !collapsed : undefined}
      aria-selected={selected}
      tabIndex={tabStop ? 0 : -1}
      hidden={hidden}
    >
      {/* Pointer users' way to open and close; keyboards use the arrow keys. */}
      <span
        className="outline-item__twisty"
        aria-hidden="true"
        onClick={(event) => {
          event.stopPropagation();
          if (branch) onToggle(row.key);
        }}
      >
        {branch ? (collapsed ? "▸" : "▾") : ""}
      </span>
      <div className="outline-item__body">
        <p className="outline-item__line">
          <span className={`outline-item__tag outline-item__tag--${relation ?? node.kind}`}>{tag}</span>{" "}
          {verdict && (
            <>
              <VerdictTag verdict={verdict} />{" "}
            </>
          )}
          {relation && !isUsualKind(relation, node.kind) && <span className="outline-item__note">({KIND_LABEL[node.kind].toLowerCase()}) </span>}
          {relation && contradictsKind({ relation }, node) && (
            <span className="outline-item__mismatch" data-testid="outline-mismatch">
              ! kind and link disagree{" "}
            </span>
          )}
          {undercutLink && <span className="outline-item__note">(the link {undercutLink}): </span>}
          {!editing && <span className="outline-item__text">{node.text.trim() || (node.kind === "argument" ? "(unnamed reason)" : "(no text yet)")}</span>}
          {speaker && <span className="outline-item__speaker"> — {speaker}</span>}
          {row.alsoUnder.length > 0 && (
            <span className="outline-item__note">
              {" "}
              (also under {row.alsoUnder.map((other) => `${KIND_LABEL[other.kind]} “${excerpt(other.text, 40)}”`).join("; ")})
            </span>
          )}
        </p>
        {editing && <NodeTextEditor nodeId={node.id} text={node.text} kind={node.kind} />}
        {why && (
          <p className="outline-item__why" data-testid="outline-why">
            {why}
          </p>
        )}
        {quote && (
          // Not a <blockquote>: its role keeps it out of the line's accessible name, and the words are part of the point.
          // A click opens the source at the quote (the keyboard's way is Q on the line).
          <div className={`outline-item__quote${sourceName ? " is-openable" : ""}`} data-open-quote={sourceName ? node.id : undefined} data-testid="outline-quote">
            “{quote}”{sourceName && <span className="outline-item__source"> — {sourceName}</span>}
            {quoteFlag && (
              <>
                {" "}
                <QuoteFlag status={quoteFlag} />
              </>
            )}
          </div>
        )}
        {!quote && sourceName && <p className="outline-item__source">Source: {sourceName}</p>}
      </div>
    </li>
  );
}

export const OutlineItem = memo(OutlineItemView);
