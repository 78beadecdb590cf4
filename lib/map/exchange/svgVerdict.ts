/**
 * Which claims stand, drawn into the SVG (and so the PNG) export: a pill on each node's top edge,
 * right of where its links leave, saying the label in words with its symbol and the strength, and
 * a key under the map's title. As on the canvas, the label never rests on colour: each has its
 * word, its symbol (tick, cross, question mark) and its border (solid, dashed, dotted).
 */
import type { Label } from "../evaluation/input";
import { textWidth, type Font } from "./svgText";

export interface VerdictMarks {
  labels: Readonly<Record<string, Label>>;
  strengths: Readonly<Record<string, number>>;
}

const STYLE: Record<Label, { word: string; color: string; soft: string; dash: string | null }> = {
  accepted: { word: "Accepted", color: "#15803d", soft: "#f0fdf4", dash: null },
  defeated: { word: "Defeated", color: "#b91c1c", soft: "#fef2f2", dash: "4 3" },
  undecided: { word: "Undecided", color: "#92400e", soft: "#fffbeb", dash: "1.5 2.5" },
};

/** The symbols, as in components/evaluation/VerdictIcon.tsx (24×24, stroked). */
export const VERDICT_ICONS: Record<string, string> = {
  "verdict-accepted": '<circle cx="12" cy="12" r="9"/><path d="M8 12.5l2.8 2.8L16.5 9"/>',
  "verdict-defeated": '<circle cx="12" cy="12" r="9"/><path d="M9 9l6 6M15 9l-6 6"/>',
  "verdict-undecided": '<circle cx="12" cy="12" r="9"/><path d="M9.6 9.4a2.5 2.5 0 0 1 4.8 1c0 1.6-2.4 2-2.4 3.4"/><path d="M12 17h.01"/>',
};

const FONT: Font = { size: 12, bold: true };
export const PILL_HEIGHT = 20;
/** How far a pill rises above its node's top edge. */
export const PILL_RISE = 11;
const INSET = 10;

const num = (value: number) => String(Math.round(value * 10) / 10);

function pillText(label: Label, strength: number): string {
  return `${STYLE[label].word} ${Math.round(strength * 100)}%`;
}

/** The pill for one node whose box has its top-right corner at (right, top); "" without a label. */
export function verdictPill(marks: VerdictMarks, nodeId: string, right: number, top: number): string {
  const label = Object.hasOwn(marks.labels, nodeId) ? marks.labels[nodeId] : undefined;
  if (!label) return "";
  const style = STYLE[label];
  const text = pillText(label, marks.strengths[nodeId] ?? 0.5);
  const width = 30 + textWidth(text, FONT);
  const x = right - INSET - width;
  const y = top - PILL_RISE;
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : "";
  return (
    `<g><rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${PILL_HEIGHT}" rx="10" fill="${style.soft}" stroke="${style.color}" stroke-width="1.5"${dash}/>` +
    `<use href="#icon-verdict-${label}" x="${num(x + 7)}" y="${num(y + 4)}" width="12" height="12" stroke="${style.color}"/>` +
    `<text x="${num(x + 23)}" y="${num(y + 14)}" font-size="12" font-weight="700" fill="${style.color}">${text}</text></g>\n`
  );
}

const KEY = "Which claims stand: accepted, defeated or undecided (grounded semantics); % is strength (DF-QuAD).";
const KEY_FONT: Font = { size: 12 };
export const VERDICT_KEY_WIDTH = textWidth(KEY, KEY_FONT);

/** One line under the title saying what the pills mean. */
export function verdictKey(x: number, baseline: number): string {
  return `<text x="${num(x)}" y="${num(baseline)}" font-size="12" fill="#475569">${KEY}</text>`;
}

/** "12 accepted, 5 defeated, 1 undecided", for the picture's description. */
export function verdictCounts(marks: VerdictMarks): string {
  const count = { accepted: 0, defeated: 0, undecided: 0 };
  for (const label of Object.values(marks.labels)) count[label]++;
  return `Which claims stand: ${count.accepted} accepted, ${count.defeated} defeated, ${count.undecided} undecided.`;
}
