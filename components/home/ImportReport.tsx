"use client";
/**
 * What an import made, and every warning the server gave about what the file said that the map
 * cannot hold, each with its line or node. Shown before opening the map, so the user reads it
 * where it is (the map itself would hide what is missing); the heading takes focus so a screen
 * reader user hears it too.
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
];

export function describeCreated(created: Record<string, number>): string {
  const parts = LABELS.filter(([key]) => (created[key] ?? 0) > 0).map(([key, one, many]) => `${created[key]} ${created[key] === 1 ? one : many}`);
  return parts.length > 0 ? parts.join(", ") : "an empty map";
}

export function ImportReport({ fileName, report, href }: { fileName: string; report: Report; href: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="import-report" aria-labelledby="import-report-title" data-testid="import-report">
      <h3 id="import-report-title" ref={heading} tabIndex={-1}>
        Imported “{fileName}” with {report.warnings.length} {report.warnings.length === 1 ? "warning" : "warnings"}
      </h3>
      <p className="import-report__counts">Created {describeCreated(report.created)}.</p>
      <p className="import-report__counts">What the file says that the map could not hold as it is:</p>
      <ul className="import-report__warnings" data-testid="import-warnings">
        {report.warnings.map((warning, index) => (
          <li key={index}>
            <strong>{warning.where}:</strong> {warning.message}
          </li>
        ))}
      </ul>
      <Link className="button button--primary" href={href} data-testid="import-open">
        Open the imported map
      </Link>
    </section>
  );
}
