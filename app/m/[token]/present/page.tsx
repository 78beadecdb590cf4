import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Presentation } from "@/components/present/Presentation";
import { getMapByToken } from "@/lib/server/maps";

const loadMap = cache((token: string) => getMapByToken(token));

interface PresentPageProps {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ presenter?: string | string[] }>;
}

export async function generateMetadata({ params, searchParams }: PresentPageProps): Promise<Metadata> {
  const { token } = await params;
  const { presenter } = await searchParams;
  const loaded = await loadMap(token);
  const title = loaded ? loaded.snapshot.map.title : "Map not found";
  return {
    title: presenter === "1" ? `Presenter view: ${title}` : `Presenting: ${title}`,
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function PresentPage({ params, searchParams }: PresentPageProps) {
  const { token } = await params;
  const { presenter } = await searchParams;
  const loaded = await loadMap(token);
  if (!loaded) notFound();
  return <Presentation key={token} token={token} snapshot={loaded.snapshot} role={loaded.role} presenter={presenter === "1"} />;
}
