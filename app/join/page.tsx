import type { Metadata } from "next";
import { JoinForm } from "@/components/room/JoinForm";

export const metadata: Metadata = { title: "Join a room", robots: { index: false, follow: false }, referrer: "no-referrer" };

interface JoinPageProps {
  searchParams: Promise<{ code?: string | string[] }>;
}

/** /join: type the code on the projector (or scan its QR code, which fills it in) and land on the map. */
export default async function JoinPage({ searchParams }: JoinPageProps) {
  const { code } = await searchParams;
  return <JoinForm initialCode={typeof code === "string" ? code.slice(0, 20) : ""} />;
}
