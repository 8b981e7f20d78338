import path from 'node:path';
import { runSftStage, type CommandDescriptor, type SftOptions } from '@okapi/core';
import { StepProgress } from '../../progress/step-progress';

/** `okapi sft`: supervised fine-tuning with Okapi's recipe (every value overridable). */
export const sftCommand: CommandDescriptor = {
  name: 'sft',
  summary: 'Supervised fine-tuning on instruction data (Okapi stage 1)',
  description: 'Fine-tunes a Hugging Face model directory on instruction data (Okapi / Alpaca JSON, JSONL, or a directory of {lang}.json files) with the Okapi prompt, and writes checkpoints, metrics, an HTML report and <output>/final.',
  examples: [
    'okapi sft --model ./tiny-llama --data ./data/vi.json --lang vi --output runs/sft-vi',
    'okapi sft --model ./tiny-llama --data ./multilingual-alpaca-52k --lang vi --max-steps 100',
    'okapi sft --output runs/sft-vi --resume',
  ],
  options: [
    { flags: '--model <dir>', description: 'base model directory (Hugging Face layout)', configPath: 'sft.model' },
    { flags: '--data <path>', description: 'data file, or a directory of Okapi {lang}.json files', configPath: 'sft.data' },
    { flags: '--format <id>', description: 'dataset adapter (default: detected)', configPath: 'sft.format' },
    { flags: '--output <dir>', description: 'run directory (default: <outputDir>/sft-<lang>)' },
    { flags: '--epochs <n>', description: 'training epochs', configPath: 'sft.epochs', parse: 'float' },
    { flags: '--max-steps <n>', description: 'stop after this many optimizer steps', configPath: 'sft.maxSteps', parse: 'int' },
    { flags: '--learning-rate <lr>', description: 'peak learning rate', configPath: 'sft.learningRate', parse: 'float' },
    { flags: '--loss-on <which>', description: 'tokens that carry loss', configPath: 'sft.lossOn', choices: ['all', 'response'] },
    { flags: '--on-invalid <policy>', description: 'invalid records: fail, or skip (written to a side file)', choices: ['fail', 'skip'] },
    { flags: '--resume', description: 'continue from the newest checkpoint in the run directory' },
  ],
  async run({ scope, out, options, signal }) {
    const o = scope.config.sft as SftOptions;
    const output = (options.output as string | undefined) ?? path.join(scope.config.outputDir, `sft-${scope.config.lang}`);
    const progress = new StepProgress(process.stderr, 'sft', ['loss', 'validationLoss', 'tokensPerSecond']);
    try {
      const { result, model, run } = await runSftStage(scope, o, {
        output, resume: options.resume === true, signal, onInvalid: options.onInvalid as 'fail' | 'skip' | undefined,
        onStep: (m) => progress.update(m),
      });
      progress.stop();
      out.table([{ steps: result.steps, ...result.metrics, interrupted: result.interrupted }], { title: 'SFT' });
      out.info(`${result.interrupted ? 'Interrupted; resume with --resume. ' : ''}Model: ${model}\nReport: ${run.report}\nChat with it: okapi chat --model ${model} --lang ${scope.config.lang}`);
    } finally {
      progress.stop();
    }
  },
};
