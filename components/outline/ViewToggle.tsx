"use client";
/** "Canvas | Outline": two toggle buttons, one pressed. */
import type { MapView } from "./useMapView";

const VIEWS: { view: MapView; label: string; title: string }[] = [
  { view: "canvas", label: "Canvas", title: "The map as boxes and arrows" },
  { view: "outline", label: "Outline", title: "The map as an indented outline, for reading, keyboards and printing" },
];

export function ViewToggle({ view, onChange }: { view: MapView; onChange(view: MapView): void }) {
  return (
    <div className="view-toggle" role="group" aria-label="View" data-testid="view-toggle">
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          className="view-toggle__option"
          aria-pressed={view === option.view}
          title={option.title}
          data-testid={`view-toggle-${option.view}`}
          onClick={() => onChange(option.view)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
