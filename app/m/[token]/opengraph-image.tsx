/**
 * The link-preview image of a map: its title and how many claims, supports and rebuttals it has.
 * Drawn with next/og's bundled font only. Characters that font lacks would make next/og fetch
 * fonts from Google (sending the map's words to a third party, and failing offline), so they are
 * left out of the picture.
 */
import { ImageResponse } from "next/og";
import { countKinds, type KindCounts } from "@/lib/map/outline";
import { docFromSnapshot, type NodeKind } from "@/lib/map/types";
import { getMapByToken } from "@/lib/server/maps";

export const dynamic = "force-dynamic";
export const alt = "An Argumap argument map: its title and how many claims, supports and rebuttals it has";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const TITLE_LIMIT = 110;

/** Latin text and common punctuation only (what the bundled Geist font draws); anything else becomes a space. */
function drawableText(text: string, limit: number): string {
  const kept = text
    .replace(/[^\u0020-\u007e\u00a0-\u017f\u2010-\u2026]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return kept.length > limit ? `${kept.slice(0, limit - 1).trimEnd()}…` : kept;
}

const PILLS: { kind: NodeKind; one: string; many: string; colour: string; soft: string }[] = [
  { kind: "claim", one: "claim", many: "claims", colour: "#4338ca", soft: "#eef2ff" },
  { kind: "support", one: "support", many: "supports", colour: "#15803d", soft: "#f0fdf4" },
  { kind: "rebuttal", one: "rebuttal", many: "rebuttals", colour: "#b91c1c", soft: "#fef2f2" },
];

function Pill({ count, label, colour, soft }: { count: number; label: string; colour: string; soft: string }) {
  return (
    <div style={{ display: "flex", alignItems: "baseline", gap: 12, padding: "12px 26px", borderRadius: 999, border: `3px solid ${colour}`, background: soft, color: colour }}>
      <span style={{ fontSize: 44 }}>{count}</span>
      <span style={{ fontSize: 30 }}>{label}</span>
    </div>
  );
}

function Picture({ title, counts }: { title: string; counts: KindCounts }) {
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: "56px 72px", background: "#f6f7f9", color: "#0f172a" }}>
      <div style={{ display: "flex", alignItems: "center", gap: 16, fontSize: 34, color: "#475569" }}>
        <div style={{ display: "flex", position: "relative", width: 44, height: 44, borderRadius: 10, background: "#eef2ff" }}>
          <div style={{ position: "absolute", left: 14, top: 4, width: 16, height: 14, background: "#4338ca" }} />
          <div style={{ position: "absolute", left: 4, top: 26, width: 14, height: 14, background: "#15803d" }} />
          <div style={{ position: "absolute", left: 26, top: 26, width: 14, height: 14, background: "#b91c1c" }} />
        </div>
        Argumap · argument map
      </div>
      <div style={{ display: "flex", fontSize: title.length > 60 ? 60 : 76, lineHeight: 1.15 }}>{title || "Untitled map"}</div>
      <div style={{ display: "flex", gap: 22 }}>
        {PILLS.map((pill) => (
          <Pill key={pill.kind} count={counts[pill.kind]} label={counts[pill.kind] === 1 ? pill.one : pill.many} colour={pill.colour} soft={pill.soft} />
        ))}
      </div>
    </div>
  );
}

export default async function OpenGraphImage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const loaded = await getMapByToken(token);
  if (!loaded) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const counts = countKinds(docFromSnapshot(loaded.snapshot));
  return new ImageResponse(<Picture title={drawableText(loaded.snapshot.map.title, TITLE_LIMIT)} counts={counts} />, {
    ...size,
    // The map changes and links get revoked: never let a cache keep an old picture.
    headers: { "cache-control": "private, no-store" },
  });
}
