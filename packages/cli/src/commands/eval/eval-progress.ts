import cliProgress from 'cli-progress';
import { metricCell, type CommandOutput, type EvaluationHooks, type TaskResult } from '@okapi/core';

/**
 * Progress across tasks and languages on stderr: a bar per (task, language) when stderr is a terminal,
 * and one summary line per finished pair either way.
 */
export function evalProgress(out: CommandOutput, pairs: number, stream: NodeJS.WriteStream = process.stderr): EvaluationHooks & { stop(): void } {
  const interactive = stream.isTTY === true && !out.jsonMode;
  const bar = interactive
    ? new cliProgress.SingleBar({ stream, format: '{pair} {task} [{bar}] {value}/{total} items | {rate} items/s | eta {eta_formatted}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : undefined;
  let index = 0;
  let started = 0;
  return {
    onTaskStart(name, items) {
      index++;
      started = performance.now();
      bar?.start(items, 0, { pair: `[${index}/${pairs}]`, task: name, rate: '0.00' });
    },
    onProgress(_name, done) {
      const seconds = (performance.now() - started) / 1000;
      bar?.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(2) : '0.00' });
    },
    onTaskEnd(result: TaskResult) {
      bar?.stop();
      const metrics = ['acc', 'acc_norm'].filter((m) => m in result.metrics).map((m) => `${m} ${metricCell(result.metrics, m)}`).join(', ');
      out.info(`[${index}/${pairs}] ${result.name}: ${metrics} (n=${result.n}, ${result.shots}-shot, ${result.split}, ${result.itemsPerSecond.toFixed(2)} items/s)`);
    },
    stop() {
      bar?.stop();
    },
  };
}
