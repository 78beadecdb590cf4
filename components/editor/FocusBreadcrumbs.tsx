"use client";
/** The way back from a focused claim: the whole map, then each node above it, up to the focused one. */
import { breadcrumbs } from "@/lib/map/folding";
import { entryOf } from "@/lib/map/records";
import type { MapDoc } from "@/lib/map/types";
import { ChevronRightIcon } from "../icons";
import { excerpt, KIND_LABEL } from "../kinds";

export function FocusBreadcrumbs({ doc, focus, onFocus }: { doc: MapDoc; focus: string; onFocus(nodeId: string | null): void }) {
  const path = breadcrumbs(doc, focus);
  return (
    <nav className="focus-breadcrumbs" aria-label="Focus: the way back up" data-testid="focus-breadcrumbs">
      <ol>
        <li>
          <button type="button" className="focus-breadcrumbs__link" data-testid="focus-whole-map" onClick={() => onFocus(null)}>
            Whole map
          </button>
        </li>
        {path.map((id) => {
          const node = entryOf(doc.nodes, id);
          if (!node) return null;
          const name = `${KIND_LABEL[node.kind]}: ${excerpt(node.text, 48)}`;
          return (
            <li key={id}>
              <ChevronRightIcon size={14} className="focus-breadcrumbs__separator" />
              {id === focus ? (
                <span className="focus-breadcrumbs__current" aria-current="location">
                  {name}
                </span>
              ) : (
                <button type="button" className="focus-breadcrumbs__link" onClick={() => onFocus(id)}>
                  {name}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
