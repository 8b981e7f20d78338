import path from 'node:path';
import { runDpoStage, type CommandDescriptor, type DpoOptions } from '@okapi/core';
import { StepProgress } from '../../progress/step-progress';

const pick = (m: Readonly<Record<string, number>>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in m).map((k) => [k, m[k]]));

/** `okapi dpo`: direct preference optimisation of the SFT model against its frozen copy. */
export const dpoCommand: CommandDescriptor = {
  name: 'dpo',
  summary: 'Direct preference optimisation on pairs or ranked lists (instead of RM + PPO)',
  description: 'Trains the SFT model (the policy) against a frozen copy of itself (the reference) on preference pairs or K-ranked lists (all pairs), with β and optional label smoothing. Writes checkpoints, metrics (held-out preference and implicit-reward accuracy, reward margin), an HTML report and <output>/final.',
  examples: [
    'okapi dpo --model runs/sft-vi/final --data ./data/ranking-vi.json --lang vi --output runs/dpo-vi',
    'okapi dpo --model runs/sft-vi/final --data ./data/ranking-vi.json --beta 0.2 --max-steps 100',
    'okapi dpo --output runs/dpo-vi --resume',
  ],
  options: [
    { flags: '--model <dir>', description: 'SFT model directory (policy and frozen reference)', configPath: 'dpo.model' },
    { flags: '--data <path>', description: 'preference pairs or ranked lists, or a directory of Okapi {lang}.json files', configPath: 'dpo.data' },
    { flags: '--format <id>', description: 'dataset adapter (default: detected)', configPath: 'dpo.format' },
    { flags: '--output <dir>', description: 'run directory (default: <outputDir>/dpo-<lang>)' },
    { flags: '--beta <b>', description: 'strength of the implicit KL constraint', configPath: 'dpo.beta', parse: 'float' },
    { flags: '--label-smoothing <e>', description: 'assumed share of flipped labels (cDPO)', configPath: 'dpo.labelSmoothing', parse: 'float' },
    { flags: '--epochs <n>', description: 'training epochs', configPath: 'dpo.epochs', parse: 'float' },
    { flags: '--max-steps <n>', description: 'stop after this many optimizer steps', configPath: 'dpo.maxSteps', parse: 'int' },
    { flags: '--learning-rate <lr>', description: 'peak learning rate', configPath: 'dpo.learningRate', parse: 'float' },
    { flags: '--trainable-layers <n>', description: 'train only the top N blocks of the policy', configPath: 'dpo.trainableLayers', parse: 'int' },
    { flags: '--on-invalid <policy>', description: 'invalid records: fail, or skip (written to a side file)', choices: ['fail', 'skip'] },
    { flags: '--resume', description: 'continue from the newest checkpoint in the run directory' },
  ],
  async run({ scope, out, options, signal }) {
    const o = scope.config.dpo as DpoOptions;
    const output = (options.output as string | undefined) ?? path.join(scope.config.outputDir, `dpo-${scope.config.lang}`);
    const progress = new StepProgress(process.stderr, 'dpo', ['loss', 'preferenceAccuracy', 'comparisonsPerSecond']);
    try {
      const { result, model, run } = await runDpoStage(scope, o, {
        output, resume: options.resume === true, signal, onInvalid: options.onInvalid as 'fail' | 'skip' | undefined,
        onStep: (m) => progress.update(m),
      });
      progress.stop();
      out.table([{ steps: result.steps, loss: result.metrics.loss, ...pick(result.metrics, ['preferenceAccuracy', 'rewardAccuracy', 'rewardMargin', 'validationLoss']), interrupted: result.interrupted }], { title: 'DPO' });
      out.info(`${result.interrupted ? 'Interrupted; resume with --resume. ' : ''}Model: ${model}\nReport: ${run.report}\nChat with it: okapi chat --model ${model} --lang ${scope.config.lang}`);
    } finally {
      progress.stop();
    }
  },
};
