import { runSftStage } from '@okapi/core';
import { chatWith, stageCommand } from '../stage-command';

/** `okapi sft`: supervised fine-tuning with Okapi's recipe (every value overridable). */
export const sftCommand = stageCommand({
  name: 'sft',
  title: 'SFT',
  summary: 'Supervised fine-tuning on instruction data (Okapi stage 1)',
  description: 'Fine-tunes a Hugging Face model directory on instruction data (Okapi / Alpaca JSON, JSONL, or a directory of {lang}.json files) with the Okapi prompt, and writes checkpoints, metrics, an HTML report and <output>/final.',
  examples: [
    'okapi sft --model ./tiny-llama --data ./data/vi.json --lang vi --output runs/sft-vi',
    'okapi sft --model ./tiny-llama --data ./multilingual-alpaca-52k --lang vi --max-steps 100',
    'okapi sft --output runs/sft-vi --resume',
  ],
  modelHelp: 'base model directory (Hugging Face layout)',
  dataHelp: 'data file, or a directory of Okapi {lang}.json files',
  options: [
    { flags: '--epochs <n>', description: 'training epochs', configPath: 'sft.epochs', parse: 'float' },
    { flags: '--loss-on <which>', description: 'tokens that carry loss', configPath: 'sft.lossOn', choices: ['all', 'response'] },
  ],
  progressKeys: ['loss', 'validationLoss', 'tokensPerSecond'],
  summaryKeys: ['lr', 'gradNorm', 'tokensPerSecond', 'validationLoss', 'perplexity'],
  run: runSftStage,
  next: (_r, model, scope) => chatWith(model, scope),
});
