/**
 * What an import made and what it could not represent. Every import answers with one, so a user
 * learns that (and where) a file said more than the map holds: nothing is left out silently.
 */
import type { MapDoc } from "../types";

export interface ImportWarning {
  /** Where in the file: "line 12", `AIF node "47"`, "front matter". */
  where: string;
  message: string;
}

export interface ImportReport {
  /** Counts by node kind (claim, support, rebuttal, argument), by link relation, and sources. */
  created: Record<string, number>;
  warnings: ImportWarning[];
}

/** A file with thousands of the same problem gets the first of them and a count, not megabytes. */
export const MAX_WARNINGS = 200;

/** Collects warnings in file order up to MAX_WARNINGS, counting the rest. */
export class WarningList {
  readonly items: ImportWarning[] = [];
  private dropped = 0;

  add(where: string, message: string): void {
    if (this.items.length < MAX_WARNINGS) this.items.push({ where, message });
    else this.dropped++;
  }

  addAll(warnings: readonly ImportWarning[]): void {
    for (const warning of warnings) this.add(warning.where, warning.message);
  }

  list(): ImportWarning[] {
    if (this.dropped === 0) return this.items;
    return [...this.items, { where: "the rest of the file", message: `${this.dropped} more warnings like the ones above` }];
  }
}

export function createdCounts(doc: MapDoc): Record<string, number> {
  const counts: Record<string, number> = {};
  const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const node of Object.values(doc.nodes)) count(node.kind);
  for (const edge of Object.values(doc.edges)) count(edge.relation);
  const sources = Object.keys(doc.sources).length;
  if (sources > 0) counts.sources = sources;
  return counts;
}

export function reportFor(doc: MapDoc, warnings: readonly ImportWarning[] = []): ImportReport {
  return { created: createdCounts(doc), warnings: [...warnings] };
}
