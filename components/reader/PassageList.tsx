"use client";
/** Every quote taken from the open source, in the order of its text: a way to each passage, and where quotes no longer match. */
import type { QuotedPassage } from "@/lib/map/quotes/check";
import { excerpt, KIND_LABEL } from "../kinds";
import { QuoteFlag } from "./QuoteFlag";

export function PassageList({ passages, current, onShow }: { passages: readonly QuotedPassage[]; current: string | null; onShow(nodeId: string): void }) {
  if (passages.length === 0) return null;
  return (
    <section className="reader-passages" aria-labelledby="reader-passages-title">
      <h3 id="reader-passages-title">Quotes from this source ({passages.length})</h3>
      <ul>
        {passages.map(({ node, match }) => (
          <li key={node.id}>
            <button
              type="button"
              className={`reader-passage${node.id === current ? " is-current" : ""}`}
              data-testid="reader-passage"
              data-node-id={node.id}
              data-status={match.status}
              aria-current={node.id === current ? "true" : undefined}
              onClick={() => onShow(node.id)}
            >
              <span className="reader-passage__who">
                {KIND_LABEL[node.kind]}
                {node.speaker.trim() ? ` · ${node.speaker.trim()}` : ""}
              </span>
              <span className="reader-passage__quote">“{excerpt(node.quote, 90)}”</span>
              {match.status !== "found" && <QuoteFlag status={match.status} />}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
