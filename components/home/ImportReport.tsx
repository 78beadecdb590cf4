"use client";
/**
 * What an import made, and every warning the server gave about what the file said that the map
 * cannot hold, each with its line or node. Shown after every import, before opening the map, so
 * the user reads it where it is (the map itself would hide what is missing), and learns what a
 * clean import made too.
 */
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { ImportReport as Report } from "@/lib/map/exchange/importReport";
import "./import-report.css";

/** Counts in words: nodes by kind, then links by relation. */
const LABELS: [key: string, one: string, many: string][] = [
  ["claim", "claim", "claims"],
  ["support", "support", "supports"],
  ["rebuttal", "rebuttal", "rebuttals"],
  ["argument", "argument", "arguments"],
  ["supports", "supports link", "supports links"],
  ["rebuts", "rebuts link", "rebuts links"],
  ["premise", "premise link", "premise links"],
  ["undercuts", "undercut", "undercuts"],
  ["sources", "source", "sources"],
  ["dialogue", "node of AIF's dialogue layer (kept for export)", "nodes of AIF's dialogue layer (kept for export)"],
];

export function describeCreated(created: Record<string, number>): string {
  const parts = LABELS.filter(([key]) => (created[key] ?? 0) > 0).map(([key, one, many]) => `${created[key]} ${created[key] === 1 ? one : many}`);
  return parts.length > 0 ? parts.join(", ") : "an empty map";
}

export function ImportReport({ fileName, report, href }: { fileName: string; report: Report; href: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const open = useRef<HTMLAnchorElement>(null);
  const warned = report.warnings.length > 0;
  // With warnings the heading takes focus, so the report is read before the way on; without,
  // the way on takes focus and its description (the counts) is read with it: Enter opens the map.
  useEffect(() => (warned ? heading.current : open.current)?.focus(), [warned]);
  return (
    <section className={`import-report${warned ? "" : " import-report--clean"}`} aria-labelledby="import-report-title" data-testid="import-report">
      <h3 id="import-report-title" ref={heading} tabIndex={-1}>
        {warned ? `Imported “${fileName}” with ${report.warnings.length} ${report.warnings.length === 1 ? "warning" : "warnings"}` : `Imported “${fileName}”`}
      </h3>
      <p className="import-report__counts" id="import-report-created" data-testid="import-created">
        Created {describeCreated(report.created)}.{warned ? "" : " Nothing in the file was left out."}
      </p>
      {warned && (
        <>
          <p className="import-report__counts">What the file says that the map could not hold as it is:</p>
          <ul className="import-report__warnings" data-testid="import-warnings">
            {report.warnings.map((warning, index) => (
              <li key={index}>
                <strong>{warning.where}:</strong> {warning.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <Link ref={open} className="button button--primary" href={href} aria-describedby="import-report-created" data-testid="import-open">
        Open the imported map
      </Link>
    </section>
  );
}
