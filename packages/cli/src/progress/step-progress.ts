import { SingleBar, Presets } from 'cli-progress';
import type { StepMetrics } from '@okapi/core';

/**
 * A progress bar for training steps on stderr: step/total, rate, ETA and the latest metrics. Silent
 * when stderr is not a terminal (CI logs get the metrics file instead) unless `force`.
 */
export class StepProgress {
  private bar?: SingleBar;

  constructor(private readonly stream: NodeJS.WritableStream & { isTTY?: boolean }, private readonly label: string, private readonly keys: readonly string[]) {}

  update(m: StepMetrics): void {
    if (this.stream.isTTY !== true) return;
    if (this.bar === undefined) {
      this.bar = new SingleBar({
        stream: this.stream as NodeJS.WriteStream,
        format: `${this.label} [{bar}] {value}/{total} steps | {rate} steps/s | ETA {eta_formatted} | {metrics}`,
        hideCursor: true,
        etaBuffer: 20,
      }, Presets.shades_classic);
      this.bar.start(m.totalSteps, 0, { metrics: '', rate: '0.00' });
      this.started = performance.now();
    }
    const elapsed = (performance.now() - this.started) / 1000;
    const metrics = this.keys.filter((k) => m.values[k] !== undefined).map((k) => `${k} ${format(m.values[k]!)}`).join(' | ');
    this.bar.update(m.step, { metrics, rate: (m.step / Math.max(elapsed, 1e-9)).toFixed(2) });
  }

  stop(): void {
    this.bar?.stop();
  }

  /** Starts a new bar at the next update (a new stage). */
  reset(): void {
    this.bar = undefined;
  }

  private started = 0;
}

function format(value: number): string {
  return Math.abs(value) >= 1000 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(2) : value.toFixed(4);
}
