"use client";
/** The maps this browser created or opened (kept in localStorage only). */
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { forgetMap, listRecentMaps, mapPath, serverRecentMaps, subscribeRecentMaps, type RecentMap } from "@/lib/recent-maps";
import { CrossIcon } from "../icons";

const ROLE_LABEL: Record<RecentMap["role"], string> = { owner: "Owner", edit: "Can edit", view: "View only" };

function openedWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}

export function RecentMaps() {
  const maps = useSyncExternalStore(subscribeRecentMaps, listRecentMaps, serverRecentMaps);
  return (
    <section className="card" aria-labelledby="recent-title" data-testid="recent-maps">
      <h2 id="recent-title">Your recent maps</h2>
      {maps.length === 0 ? (
        <p className="muted">Maps you create or open in this browser will be listed here.</p>
      ) : (
        <ul className="recent-list">
          {maps.map((map) => (
            <li key={map.token} className="recent-list__item" data-testid="recent-map" data-role={map.role}>
              <Link href={mapPath(map.token)} className="recent-list__link">
                <span className="recent-list__title">{map.title || "Untitled map"}</span>
                <span className="recent-list__meta">
                  <span className={`role-badge role-badge--${map.role}`}>{ROLE_LABEL[map.role]}</span>
                  <span>Opened {openedWhen(map.openedAt)}</span>
                </span>
              </Link>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove “${map.title || "Untitled map"}” from this list`}
                title="Remove from this list (the map itself is kept)"
                onClick={() => forgetMap(map.token)}
                data-testid="recent-map-remove"
              >
                <CrossIcon size={16} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
