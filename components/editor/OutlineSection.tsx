"use client";
/**
 * The whole argument as nested lists under the canvas, in the page's server HTML: a shared link
 * reads without JavaScript, and previews, readers and assistive tools get the text, not an empty
 * canvas. Once scripts run, the toolbar's interactive Outline view takes over, so this copy is
 * dropped rather than kept in step with every edit.
 */
import "./outline.css";
import { useSyncExternalStore } from "react";
import type { MapDoc } from "@/lib/map/types";
import { MapOutline } from "./MapOutline";

const neverChanges = () => () => {};

export function OutlineSection({ doc }: { doc: MapDoc }) {
  const scripted = useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
  if (scripted) return null;
  return (
    <div className="outline-page" data-testid="server-outline">
      <MapOutline doc={doc} id="outline" />
    </div>
  );
}
