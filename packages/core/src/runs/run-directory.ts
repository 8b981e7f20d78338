import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../checkpoint/atomic-write';
import type { TrainerHooks } from '../trainers/trainer';
import { latestCheckpoint, saveCheckpoint } from './checkpoint-rotation';
import { renderHtmlReport, type RunReport } from './html-report';
import { MetricsLog } from './metrics-log';

/**
 * A run's folder: `config.json` (the resolved config), `metrics.jsonl`, `checkpoints/step-N/` (the
 * newest `keepLast` kept), `report.html` (rewritten at every evaluation) and `final/` (the model).
 */
export class RunDirectory {
  readonly metrics: MetricsLog;
  readonly checkpoints: string;
  readonly finalModel: string;
  readonly report: string;

  private constructor(readonly root: string, readonly title: string) {
    this.metrics = new MetricsLog(path.join(root, 'metrics.jsonl'));
    this.checkpoints = path.join(root, 'checkpoints');
    this.finalModel = path.join(root, 'final');
    this.report = path.join(root, 'report.html');
  }

  static async open(root: string, title: string, resolvedConfig: unknown): Promise<RunDirectory> {
    const run = new RunDirectory(root, title);
    await mkdir(run.checkpoints, { recursive: true });
    await writeJsonAtomic(path.join(root, 'config.json'), resolvedConfig);
    return run;
  }

  latestCheckpoint(): { step: number; path: string } | undefined {
    return latestCheckpoint(this.checkpoints);
  }

  /** Hooks that log metrics, refresh the report and write rotating checkpoints (plus `extraFiles`). */
  hooks(keepLast: number, extraFiles?: (dir: string) => Promise<void>, onStep?: TrainerHooks['onStepEnd']): TrainerHooks {
    return {
      onStepEnd: async (m) => {
        this.metrics.append(m.stage, m.step, m.values);
        await onStep?.(m);
      },
      onEvaluate: async (m) => {
        this.metrics.append(`${m.stage}/eval`, m.step, m.values);
        await this.writeReport();
      },
      onCheckpoint: async (state, save) => {
        await saveCheckpoint(this.checkpoints, state.step, keepLast, async (temp) => {
          await save(temp);
          await extraFiles?.(temp);
        });
      },
    };
  }

  /** Copies the newest checkpoint to `final/` (what `okapi chat --model` and later stages load). */
  async publishFinal(): Promise<string> {
    const latest = this.latestCheckpoint();
    if (latest === undefined) throw new Error(`no checkpoint in ${this.checkpoints}`);
    const temp = `${this.finalModel}.tmp-${process.pid}`;
    await rm(temp, { recursive: true, force: true });
    await cp(latest.path, temp, { recursive: true });
    await rm(this.finalModel, { recursive: true, force: true });
    await rename(temp, this.finalModel);
    return this.finalModel;
  }

  async writeReport(extra: Omit<RunReport, 'title' | 'metrics'> = {}): Promise<void> {
    const html = renderHtmlReport({ title: this.title, metrics: this.metrics.read(), ...extra });
    await writeFileAtomic(this.report, async (handle) => { await handle.writeFile(html, 'utf8'); });
  }
}
