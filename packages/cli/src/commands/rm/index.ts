import { runRmStage } from '@okapi/core';
import { stageCommand } from '../stage-command';

/** `okapi rm`: reward-model training with Okapi's recipe (every value overridable). */
export const rmCommand = stageCommand({
  name: 'rm',
  title: 'Reward model',
  summary: 'Train a reward model on ranked responses (Okapi stage 2)',
  description: 'Adds a score head to the SFT model and trains it on preference pairs or K-ranked lists (Okapi ranking JSON, ShareGPT pairs, JSONL; all C(K,2) pairs of a list in one batch, or the listwise Plackett-Luce loss). Writes checkpoints, metrics (held-out pairwise accuracy, reward margin), an HTML report and <output>/final, a *ForSequenceClassification directory the learned reward loads.',
  examples: [
    'okapi rm --model runs/sft-vi/final --data ./demo-data/rm/vi.json --lang vi --output runs/rm-vi',
    'okapi rm --model runs/sft-vi/final --data ./multilingual-ranking-data-42k --lang vi --loss listwise --max-steps 200',
    'okapi rm --output runs/rm-vi --resume',
  ],
  modelHelp: 'SFT model directory (Hugging Face layout)',
  dataHelp: 'preference pairs or ranked lists, or a directory of Okapi {lang}.json files',
  options: [
    { flags: '--loss <kind>', description: 'ranking loss', configPath: 'rm.loss', choices: ['pairwise', 'listwise'] },
    { flags: '--epochs <n>', description: 'training epochs', configPath: 'rm.epochs', parse: 'float' },
    { flags: '--trainable-layers <n>', description: 'train only the top N blocks (plus embeddings, final norm, score head)', configPath: 'rm.trainableLayers', parse: 'int' },
  ],
  progressKeys: ['loss', 'pairwiseAccuracy', 'comparisonsPerSecond'],
  summaryKeys: ['pairwiseAccuracy', 'rewardMargin', 'validationLoss'],
  run: runRmStage,
  next: (_r, model) => `Reward model: ${model}\nUse it in PPO: reward: { id: 'learned', options: { model: '${model}' } }`,
});
