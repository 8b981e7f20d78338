import { runDpoStage } from '@okapi/core';
import { chatWith, stageCommand } from '../stage-command';

/** `okapi dpo`: direct preference optimisation of the SFT model against its frozen copy. */
export const dpoCommand = stageCommand({
  name: 'dpo',
  title: 'DPO',
  summary: 'Direct preference optimisation on pairs or ranked lists (instead of RM + PPO)',
  description: 'Trains the SFT model (the policy) against a frozen copy of itself (the reference) on preference pairs or K-ranked lists (all pairs), with β and optional label smoothing. Writes checkpoints, metrics (held-out preference and implicit-reward accuracy, reward margin), an HTML report and <output>/final.',
  examples: [
    'okapi dpo --model runs/sft-vi/final --data ./demo-data/rm/vi.json --lang vi --output runs/dpo-vi',
    'okapi dpo --model runs/sft-vi/final --data ./demo-data/rm/vi.json --beta 0.2 --max-steps 100',
    'okapi dpo --output runs/dpo-vi --resume',
  ],
  modelHelp: 'SFT model directory (policy and frozen reference)',
  dataHelp: 'preference pairs or ranked lists, or a directory of Okapi {lang}.json files',
  options: [
    { flags: '--beta <b>', description: 'strength of the implicit KL constraint', configPath: 'dpo.beta', parse: 'float' },
    { flags: '--label-smoothing <e>', description: 'assumed share of flipped labels (cDPO)', configPath: 'dpo.labelSmoothing', parse: 'float' },
    { flags: '--epochs <n>', description: 'training epochs', configPath: 'dpo.epochs', parse: 'float' },
    { flags: '--trainable-layers <n>', description: 'train only the top N blocks of the policy', configPath: 'dpo.trainableLayers', parse: 'int' },
  ],
  progressKeys: ['loss', 'preferenceAccuracy', 'comparisonsPerSecond'],
  summaryKeys: ['preferenceAccuracy', 'rewardAccuracy', 'rewardMargin', 'validationLoss'],
  run: runDpoStage,
  next: (_r, model, scope) => chatWith(model, scope),
});
