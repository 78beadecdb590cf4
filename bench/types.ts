/** What every benchmark returns: figures beside a baseline measured in the same run, as ratios. */
export interface BenchRow {
  /** What was measured, with the input's size when it varies by row, e.g. "tidy layout p50, 1000 nodes / 1100 edges". */
  metric: string;
  value: number;
  /** The same measurement of the reference implementation, in the same run. */
  baseline: number;
  /** value / baseline */
  ratio: number;
  unit: string;
  /** The design's budget for this row, in words, e.g. "≤ 300 ms and ≤ 1.0× baseline". */
  budget?: string;
  pass?: boolean;
}

export interface BenchResult {
  name: string;
  /** Size of the headline input, when there is one. */
  nodes?: number;
  edges?: number;
  rows: BenchRow[];
}
