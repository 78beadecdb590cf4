import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MapEditor } from "@/components/editor/MapEditor";
import { countKinds, describeCounts } from "@/lib/map/outline";
import { docFromSnapshot } from "@/lib/map/types";
import { siteOrigin } from "@/lib/server/forwarded";
import { getMapByToken } from "@/lib/server/maps";

// One database read per request, shared by the metadata and the page.
const loadMap = cache((token: string) => getMapByToken(token));

interface MapPageProps {
  params: Promise<{ token: string }>;
}

// The address is a secret link: keep it out of search engines and other sites' logs.
const PRIVATE = { robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" } satisfies Metadata;

/** Where the user reached us (X-Forwarded-* only behind a trusted proxy), so link previews get an absolute image address. */
async function previewOrigin(): Promise<URL | undefined> {
  try {
    return new URL(siteOrigin(await headers()));
  } catch {
    return undefined;
  }
}

export async function generateMetadata({ params }: MapPageProps): Promise<Metadata> {
  const { token } = await params;
  const loaded = await loadMap(token);
  if (!loaded) return { title: "Map not found", ...PRIVATE };
  const { map } = loaded.snapshot;
  const summary = `An argument map: ${describeCounts(countKinds(docFromSnapshot(loaded.snapshot)))}.`;
  const about = map.description.trim();
  const description = about ? `${about.length > 200 ? `${about.slice(0, 199)}…` : about} ${summary}` : summary;
  return {
    title: map.title,
    description,
    metadataBase: await previewOrigin(),
    // The image itself comes from ./opengraph-image.tsx.
    openGraph: { type: "website", siteName: "Argumap", title: map.title, description },
    twitter: { card: "summary_large_image", title: map.title, description },
    ...PRIVATE,
  };
}

export default async function MapPage({ params }: MapPageProps) {
  const { token } = await params;
  const loaded = await loadMap(token);
  if (!loaded) notFound();
  return (
    <>
      <noscript>
        {/* Without JavaScript the canvas cannot work: the outline (in the HTML below it) takes its place. */}
        <style>{".editor { height: auto; overflow: visible; } .workspace, .view-banner, .save-alert, .sync-status, .save-status, .presence-strip, .share-button { display: none !important; }"}</style>
      </noscript>
      <MapEditor key={token} token={token} snapshot={loaded.snapshot} role={loaded.role} shareTokens={loaded.shareTokens} />
    </>
  );
}
