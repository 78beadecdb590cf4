"use client";
/**
 * The current step's own words in large type under the map: each quote with who said it and
 * where, readable from the back of a room. A step without quotes shows no caption.
 */
import { entryOf } from "@/lib/map/records";
import type { MapDoc, PresentationStep } from "@/lib/map/types";
import { KIND_ICON, KIND_LABEL } from "../kinds";

const MAX_QUOTES = 2;

export function StepCaption({ doc, step }: { doc: MapDoc; step: PresentationStep }) {
  const quoted = step.nodeIds.flatMap((id) => entryOf(doc.nodes, id) ?? []).filter((node) => node.quote.trim());
  if (quoted.length === 0) return null;
  return (
    <div className="present-caption" data-testid="present-caption">
      {quoted.slice(0, MAX_QUOTES).map((node) => {
        const Icon = KIND_ICON[node.kind];
        const source = node.sourceId === null ? undefined : entryOf(doc.sources, node.sourceId);
        // "Global Times, Global Times" when the speaker is the publisher: say it once.
        const attribution = [...new Set([node.speaker.trim(), source ? source.publisher || source.title : ""].filter(Boolean))].join(", ");
        return (
          <figure key={node.id} className={`present-caption__quote present-caption__quote--${node.kind}`}>
            <blockquote>“{node.quote.trim()}”</blockquote>
            <figcaption>
              <span className="present-caption__kind">
                <Icon size={18} />
                {KIND_LABEL[node.kind]}
              </span>
              {attribution && <span> — {attribution}</span>}
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
