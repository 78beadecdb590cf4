/** How each node kind and link relation is named and drawn: words and symbols, never colour alone. */
import type { NodeKind, Relation } from "@/lib/map/types";
import { ClaimIcon, CrossIcon, CheckIcon, RebuttalIcon, SupportIcon } from "./icons";

export const KIND_LABEL: Record<NodeKind, string> = {
  claim: "Claim",
  support: "Support",
  rebuttal: "Rebuttal",
};

export const KIND_ICON = {
  claim: ClaimIcon,
  support: SupportIcon,
  rebuttal: RebuttalIcon,
} satisfies Record<NodeKind, unknown>;

export const RELATION_LABEL: Record<Relation, string> = {
  supports: "supports",
  rebuts: "rebuts",
};

export const RELATION_ICON = {
  supports: CheckIcon,
  rebuts: CrossIcon,
} satisfies Record<Relation, unknown>;

/** Stroke colours for arrowheads and the minimap: the theme's CSS variables, so dark mode follows. */
export const RELATION_COLOR: Record<Relation, string> = {
  supports: "var(--support)",
  rebuts: "var(--rebuttal)",
};

export const KIND_COLOR: Record<NodeKind, string> = {
  claim: "var(--claim)",
  support: "var(--support)",
  rebuttal: "var(--rebuttal)",
};

/** "Rebuttal by Fu Liang: …", the accessible name of a node. */
export function describeNode(node: { kind: NodeKind; speaker: string; text: string }): string {
  const who = node.speaker.trim() ? ` by ${node.speaker.trim()}` : "";
  return `${KIND_LABEL[node.kind]}${who}: ${node.text.trim() || "(no text yet)"}`;
}

/** The first words of a text, for lists and link descriptions. */
export function excerpt(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return "(no text yet)";
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
