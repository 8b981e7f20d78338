import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** One logged point: a stage ('sft', 'rm', 'ppo', 'eval', …), a step, and named numbers. */
export interface MetricRecord {
  readonly stage: string;
  readonly step: number;
  readonly time: string;
  readonly values: Readonly<Record<string, number>>;
}

/**
 * Metrics as JSON Lines, one record per line, appended synchronously so a crash loses at most the
 * line being written (a torn last line is skipped on read).
 */
export class MetricsLog {
  constructor(readonly path: string) {}

  append(stage: string, step: number, values: Readonly<Record<string, number>>): MetricRecord {
    const record: MetricRecord = { stage, step, time: new Date().toISOString(), values };
    appendFileSync(this.path, `${JSON.stringify(record)}\n`);
    return record;
  }

  read(): MetricRecord[] {
    if (!existsSync(this.path)) return [];
    const records: MetricRecord[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        records.push(JSON.parse(line) as MetricRecord);
      } catch {
        // a line torn by a crash mid-write; everything before it is intact
      }
    }
    return records;
  }

  /** Drops records after `step` of `stage` (on resume, steps after the checkpoint are redone). */
  truncateAfter(stage: string, step: number): MetricRecord[] {
    return this.read().filter((r) => r.stage !== stage || r.step <= step);
  }
}
