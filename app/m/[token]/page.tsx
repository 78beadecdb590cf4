import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MapEditor } from "@/components/editor/MapEditor";
import { MapOutline } from "@/components/editor/MapOutline";
import { docFromSnapshot } from "@/lib/map/types";
import { getMapByToken } from "@/lib/server/maps";

// One database read per request, shared by the metadata and the page.
const loadMap = cache((token: string) => getMapByToken(token));

interface MapPageProps {
  params: Promise<{ token: string }>;
}

export async function generateMetadata({ params }: MapPageProps): Promise<Metadata> {
  const { token } = await params;
  const loaded = await loadMap(token);
  return {
    title: loaded ? loaded.snapshot.map.title : "Map not found",
    // The address is a secret link: keep it out of search engines and other sites' logs.
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function MapPage({ params }: MapPageProps) {
  const { token } = await params;
  const loaded = await loadMap(token);
  if (!loaded) notFound();
  return (
    <>
      <noscript>
        {/* Without JavaScript the canvas cannot work: show the outline instead of an inert editor. */}
        <style>{".editor { display: none; }"}</style>
        <MapOutline doc={docFromSnapshot(loaded.snapshot)} />
      </noscript>
      <MapEditor key={token} token={token} snapshot={loaded.snapshot} role={loaded.role} />
    </>
  );
}
