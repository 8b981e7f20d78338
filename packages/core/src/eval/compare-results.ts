import type { EvalResultsFile } from './results-file';

export interface MetricComparison {
  readonly task: string;
  readonly metric: string;
  readonly a: number;
  readonly b: number;
  /** b − a. */
  readonly delta: number;
  /** Two-sided p-value of a z-test on the difference, from both stderrs; undefined without stderrs. */
  readonly p?: number;
  readonly significant: boolean;
}

/** erfc(x) by Abramowitz–Stegun 7.1.26 (absolute error < 1.5e-7), enough for p-values. */
function erfc(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const value = poly * Math.exp(-x * x);
  return x >= 0 ? value : 2 - value;
}

/** p-value of |z| under a standard normal, two-sided. */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * Compares the metrics two results files share. The runs are treated as independent samples:
 * z = (b − a) / sqrt(se_a² + se_b²), significant when p < alpha.
 */
export function compareResults(a: Pick<EvalResultsFile, 'results'>, b: Pick<EvalResultsFile, 'results'>, alpha = 0.05): MetricComparison[] {
  const rows: MetricComparison[] = [];
  for (const [task, metricsA] of Object.entries(a.results)) {
    const metricsB = b.results[task];
    if (metricsB === undefined) continue;
    for (const [metric, valueA] of Object.entries(metricsA)) {
      const valueB = metricsB[metric];
      if (metric.endsWith('_stderr') || typeof valueA !== 'number' || typeof valueB !== 'number') continue;
      const seA = metricsA[`${metric}_stderr`];
      const seB = metricsB[`${metric}_stderr`];
      const se = typeof seA === 'number' && typeof seB === 'number' ? Math.sqrt(seA ** 2 + seB ** 2) : undefined;
      const delta = valueB - valueA;
      const p = se === undefined || !(se > 0) ? undefined : twoSidedP(delta / se);
      rows.push({ task, metric, a: valueA, b: valueB, delta, ...(p !== undefined ? { p } : {}), significant: p !== undefined && p < alpha });
    }
  }
  return rows;
}

/** Tasks present in only one of the files (reported, not compared). */
export function unmatchedTasks(a: Pick<EvalResultsFile, 'results'>, b: Pick<EvalResultsFile, 'results'>): { onlyA: string[]; onlyB: string[] } {
  return {
    onlyA: Object.keys(a.results).filter((t) => !(t in b.results)),
    onlyB: Object.keys(b.results).filter((t) => !(t in a.results)),
  };
}
