import cliProgress from 'cli-progress';
import { formatRate, metricCell, type CommandOutput, type EvaluationHooks, type TaskResult } from '@okapi/core';

function summaryLine(index: number, pairs: number, result: TaskResult): string {
  const metrics = ['acc', 'acc_norm'].filter((m) => m in result.metrics).map((m) => `${m} ${metricCell(result.metrics, m)}`).join(', ');
  return `[${index}/${pairs}] ${result.name}: ${metrics} (n=${result.n}, ${result.shots}-shot, ${result.split}, ${formatRate(result.itemsPerSecond)} items/s)`;
}

/**
 * Progress across tasks and languages on stderr. On a terminal: an overall bar over every (task,
 * language) pair and, under it, a bar for the pair being scored (items, items/s, eta); each finished
 * pair prints a summary line above the bars. Elsewhere (CI, pipes, --json): the summary lines only.
 */
export function evalProgress(out: CommandOutput, pairs: number, stream: NodeJS.WriteStream = process.stderr): EvaluationHooks & { stop(): void } {
  const interactive = stream.isTTY === true && !out.jsonMode;
  const bars = interactive
    ? new cliProgress.MultiBar({ stream, format: '{label} [{bar}] {value}/{total} {unit}{rate} | eta {eta_formatted}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : undefined;
  const overall = bars?.create(pairs, 0, { label: 'tasks × languages', unit: 'pairs', rate: '' });
  let current: cliProgress.SingleBar | undefined;
  let index = 0;
  let started = 0;
  return {
    onTaskStart(name, items) {
      index++;
      started = performance.now();
      current = bars?.create(items, 0, { label: `[${index}/${pairs}] ${name}`, unit: 'items', rate: '' });
      bars?.update();
    },
    onProgress(_name, done) {
      const seconds = (performance.now() - started) / 1000;
      current?.update(done, { rate: seconds > 0 ? ` | ${formatRate(done / seconds)} items/s` : '' });
    },
    onTaskEnd(result: TaskResult) {
      const line = summaryLine(index, pairs, result);
      if (bars === undefined) {
        out.info(line);
        return;
      }
      if (current !== undefined) bars.remove(current);
      overall?.increment();
      bars.log(`${line}\n`);
      bars.update(); // draw now: stop() clears the bars without flushing pending lines
    },
    stop() {
      bars?.stop();
    },
  };
}
