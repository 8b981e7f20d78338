import path from 'node:path';
import { runRmStage, type CommandDescriptor, type RmOptions } from '@okapi/core';
import { StepProgress } from '../../progress/step-progress';

const pick = (m: Readonly<Record<string, number>>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in m).map((k) => [k, m[k]]));

/** `okapi rm`: reward-model training with Okapi's recipe (every value overridable). */
export const rmCommand: CommandDescriptor = {
  name: 'rm',
  summary: 'Train a reward model on ranked responses (Okapi stage 2)',
  description: 'Adds a score head to the SFT model and trains it on preference pairs or K-ranked lists (Okapi ranking JSON, ShareGPT pairs, JSONL; all C(K,2) pairs of a list in one batch, or the listwise Plackett-Luce loss). Writes checkpoints, metrics (held-out pairwise accuracy, reward margin), an HTML report and <output>/final, a *ForSequenceClassification directory the learned reward loads.',
  examples: [
    'okapi rm --model runs/sft-vi/final --data ./data/ranking-vi.json --lang vi --output runs/rm-vi',
    'okapi rm --model runs/sft-vi/final --data ./multilingual-ranking-data-42k --lang vi --loss listwise --max-steps 200',
    'okapi rm --output runs/rm-vi --resume',
  ],
  options: [
    { flags: '--model <dir>', description: 'SFT model directory (Hugging Face layout)', configPath: 'rm.model' },
    { flags: '--data <path>', description: 'preference pairs or ranked lists, or a directory of Okapi {lang}.json files', configPath: 'rm.data' },
    { flags: '--format <id>', description: 'dataset adapter (default: detected)', configPath: 'rm.format' },
    { flags: '--output <dir>', description: 'run directory (default: <outputDir>/rm-<lang>)' },
    { flags: '--loss <kind>', description: 'ranking loss', configPath: 'rm.loss', choices: ['pairwise', 'listwise'] },
    { flags: '--epochs <n>', description: 'training epochs', configPath: 'rm.epochs', parse: 'float' },
    { flags: '--max-steps <n>', description: 'stop after this many optimizer steps', configPath: 'rm.maxSteps', parse: 'int' },
    { flags: '--learning-rate <lr>', description: 'peak learning rate', configPath: 'rm.learningRate', parse: 'float' },
    { flags: '--trainable-layers <n>', description: 'train only the top N blocks (plus embeddings, final norm, score head)', configPath: 'rm.trainableLayers', parse: 'int' },
    { flags: '--on-invalid <policy>', description: 'invalid records: fail, or skip (written to a side file)', choices: ['fail', 'skip'] },
    { flags: '--resume', description: 'continue from the newest checkpoint in the run directory' },
  ],
  async run({ scope, out, options, signal }) {
    const o = scope.config.rm as RmOptions;
    const output = (options.output as string | undefined) ?? path.join(scope.config.outputDir, `rm-${scope.config.lang}`);
    const progress = new StepProgress(process.stderr, 'rm', ['loss', 'pairwiseAccuracy', 'comparisonsPerSecond']);
    try {
      const { result, model, run } = await runRmStage(scope, o, {
        output, resume: options.resume === true, signal, onInvalid: options.onInvalid as 'fail' | 'skip' | undefined,
        onStep: (m) => progress.update(m),
      });
      progress.stop();
      out.table([{ steps: result.steps, loss: result.metrics.loss, ...pick(result.metrics, ['pairwiseAccuracy', 'rewardMargin', 'validationLoss']), interrupted: result.interrupted }], { title: 'Reward model' });
      out.info(`${result.interrupted ? 'Interrupted; resume with --resume. ' : ''}Reward model: ${model}\nReport: ${run.report}\nUse it in PPO: reward: { id: 'learned', options: { model: '${model}' } }`);
    } finally {
      progress.stop();
    }
  },
};
