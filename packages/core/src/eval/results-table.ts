import type { TaskResult } from './evaluation-types';

const fmt = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '—' : (100 * value).toFixed(2));

/** Items/s readable at both ends: "0.0173" for slow 25-shot runs, "12.4" for fast ones. */
export const formatRate = (itemsPerSecond: number): string => (itemsPerSecond >= 10 ? itemsPerSecond.toFixed(1) : itemsPerSecond.toPrecision(3));

/** "25.34 ± 1.27" in percent, as the Okapi paper reports. */
export function metricCell(metrics: Readonly<Record<string, number>>, metric: string): string {
  if (!(metric in metrics)) return '';
  const se = metrics[`${metric}_stderr`];
  return se === undefined ? fmt(metrics[metric]) : `${fmt(metrics[metric])} ± ${fmt(se)}`;
}

/** One row per (task, language) for the terminal table. */
export function resultRows(results: readonly TaskResult[]): Record<string, unknown>[] {
  return results.map((r) => ({
    task: r.task,
    lang: r.lang,
    split: r.split,
    shots: r.shots,
    n: r.n,
    acc: metricCell(r.metrics, 'acc'),
    acc_norm: metricCell(r.metrics, 'acc_norm'),
    'items/s': formatRate(r.itemsPerSecond),
  }));
}

/** Per task, the average over its languages of each metric (the Okapi paper's summary numbers). */
export function averageRows(results: readonly TaskResult[]): Record<string, unknown>[] {
  const tasks = [...new Set(results.map((r) => r.task))];
  return tasks.map((task) => {
    const rows = results.filter((r) => r.task === task && r.n > 0);
    const avg = (metric: string): string => {
      const values = rows.map((r) => r.metrics[metric]).filter((v): v is number => v !== undefined);
      return values.length === 0 ? '' : fmt(values.reduce((s, v) => s + v, 0) / values.length);
    };
    return { task, languages: rows.length, acc: avg('acc'), acc_norm: avg('acc_norm') };
  });
}
