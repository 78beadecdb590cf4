/** How each node kind and link relation is drawn: words (lib/map/describe.ts) and symbols, never colour alone. */
import type { NodeKind, Relation } from "@/lib/map/types";
import { ArgumentIcon, ClaimIcon, CrossIcon, CheckIcon, PremiseIcon, RebuttalIcon, SupportIcon, UndercutIcon } from "./icons";

export { describeNode, excerpt, KIND_LABEL, RELATION_LABEL } from "@/lib/map/describe";

export const KIND_ICON = {
  claim: ClaimIcon,
  support: SupportIcon,
  rebuttal: RebuttalIcon,
  argument: ArgumentIcon,
} satisfies Record<NodeKind, unknown>;

export const RELATION_ICON = {
  supports: CheckIcon,
  rebuts: CrossIcon,
  premise: PremiseIcon,
  undercuts: UndercutIcon,
} satisfies Record<Relation, unknown>;

/** Stroke colours for arrowheads and the minimap: the theme's CSS variables, so dark mode follows. */
export const RELATION_COLOR: Record<Relation, string> = {
  supports: "var(--support)",
  rebuts: "var(--rebuttal)",
  premise: "var(--premise)",
  undercuts: "var(--undercut)",
};

export const KIND_COLOR: Record<NodeKind, string> = {
  claim: "var(--claim)",
  support: "var(--support)",
  rebuttal: "var(--rebuttal)",
  argument: "var(--argument)",
};
