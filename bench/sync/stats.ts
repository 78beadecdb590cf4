import type { BenchRow } from "../types";

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export function row(metric: string, value: number, baseline: number, unit: string, budget?: string, pass?: boolean): BenchRow {
  const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000);
  return { metric, value: round(value), baseline: round(baseline), ratio: Math.round((value / baseline) * 100) / 100, unit, budget, pass };
}
