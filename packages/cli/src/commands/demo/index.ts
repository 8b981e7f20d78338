import path from 'node:path';
import pc from 'picocolors';
import { ExitError, runDemo, DemoInterrupted, type CommandDescriptor } from '@okapi/core';
import { StepProgress } from '../../progress/step-progress';

/** `okapi demo` (`npm run demo`): the whole recipe on a tiny model made from nothing, no downloads. */
export const demoCommand: CommandDescriptor = {
  name: 'demo',
  summary: 'Run the Okapi recipe end to end on a tiny model and built-in demo data (no downloads)',
  description: 'Generates multilingual verifiable demo tasks, trains a tokenizer and a tiny model from scratch, runs the training stages, evaluates held-out accuracy before and after, and writes an HTML report. Rerunning continues an interrupted demo.',
  examples: ['okapi demo', 'okapi demo --lang de', 'okapi demo --family bloom --output runs/demo-bloom', 'okapi demo --size quick'],
  options: [
    { flags: '--family <name>', description: 'model family to build', choices: ['llama', 'bloom'] },
    { flags: '--size <size>', description: "'full' (≤ 10 min on 2 cores) or 'quick' (≈ 1 min, smaller model and data)", choices: ['full', 'quick'] },
    { flags: '--output <dir>', description: 'where the demo writes everything (default: <outputDir>/demo-<lang>)' },
  ],
  async run({ scope, out, options, signal }) {
    const lang = scope.config.lang;
    const output = (options.output as string | undefined) ?? path.join(scope.config.outputDir, `demo-${lang}`);
    const progress = new StepProgress(process.stderr, 'train', ['loss', 'validationLoss']);
    const started = performance.now();
    try {
      const summary = await runDemo(scope, {
        family: (options.family as 'llama' | 'bloom' | undefined) ?? 'llama',
        size: (options.size as 'full' | 'quick' | undefined) ?? 'full',
        output, signal,
        onStage: (name) => { progress.stop(); progress.reset(); out.info(`${pc.cyan('▸')} ${name}`); },
        onStep: (m) => progress.update(m),
      });
      progress.stop();
      out.table(summary.results.map((r) => ({ model: r.model, 'held-out accuracy': r.eval.accuracy, 'mean score': r.eval.meanScore, n: r.eval.n })), { title: `Demo results (${lang}, ${((performance.now() - started) / 60000).toFixed(1)} min)` });
      out.info(`Report: ${summary.report}\nChat with the result: okapi chat --model ${summary.finalModel} --lang ${lang}`);
    } catch (error) {
      if (error instanceof DemoInterrupted) throw new ExitError(130, 'Demo interrupted after a checkpoint; run the same command again to continue.');
      throw error;
    } finally {
      progress.stop();
    }
  },
};
