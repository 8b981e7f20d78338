import type { CommandOutput, TaskResult } from '@okapi/core';
import { evalProgress } from './eval-progress';

class Lines implements CommandOutput {
  readonly jsonMode = false;
  readonly messages: string[] = [];
  print(): void {}
  table(): void {}
  json(): void {}
  info(text: string): void { this.messages.push(text); }
  warn(text: string): void { this.messages.push(text); }
}

/** A terminal-like stream that records what is written. */
function fakeTerminal(isTTY: boolean): NodeJS.WriteStream & { text(): string } {
  let written = '';
  const stream = { isTTY, columns: 120, write: (chunk: string) => ((written += chunk), true), text: () => written };
  return stream as unknown as NodeJS.WriteStream & { text(): string };
}

const result = (name: string, itemsPerSecond: number): TaskResult => ({
  name, task: name.split('_')[0]!, lang: name.split('_')[1]!, version: 0, split: 'test', shots: 0, n: 4,
  metrics: { acc: 0.5, acc_stderr: 0.25 }, seconds: 4 / itemsPerSecond, itemsPerSecond, files: { scored: 'x' },
});

function runTwoPairs(progress: ReturnType<typeof evalProgress>): void {
  for (const [name, rate] of [['xcopa_it', 0.0173], ['xcopa_vi', 12.41]] as const) {
    progress.onTaskStart!(name, 4);
    progress.onProgress!(name, 2, 4);
    progress.onProgress!(name, 4, 4);
    progress.onTaskEnd!(result(name, rate));
  }
  progress.stop();
}

describe(evalProgress.name, () => {
  it('on a terminal draws an overall bar over the pairs and one per pair, with summary lines above', () => {
    const out = new Lines();
    const terminal = fakeTerminal(true);
    runTwoPairs(evalProgress(out, 2, terminal));
    const text = terminal.text();
    expect(text).toContain('tasks × languages');
    expect(text).toContain('1/2 pairs');
    expect(text).toContain('[1/2] xcopa_it [');
    expect(text).toContain('[2/2] xcopa_vi: acc 50.00 ± 25.00 (n=4, 0-shot, test, 12.4 items/s)');
    expect(out.messages).toEqual([]);
  });

  it('elsewhere prints one summary line per finished pair, with items/s', () => {
    const out = new Lines();
    const pipe = fakeTerminal(false);
    runTwoPairs(evalProgress(out, 2, pipe));
    expect(out.messages).toEqual([
      '[1/2] xcopa_it: acc 50.00 ± 25.00 (n=4, 0-shot, test, 0.0173 items/s)',
      '[2/2] xcopa_vi: acc 50.00 ± 25.00 (n=4, 0-shot, test, 12.4 items/s)',
    ]);
    expect(pipe.text()).toBe('');
  });

});
