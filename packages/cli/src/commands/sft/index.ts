import { runSftStage } from '@okapi/core';
import { chatWith, stageCommand } from '../stage-command';

/** `okapi sft`: supervised fine-tuning with Okapi's recipe (every value overridable). */
export const sftCommand = stageCommand({
  name: 'sft',
  title: 'SFT',
  summary: 'Supervised fine-tuning on instruction data (Okapi stage 1)',
  description: 'Fine-tunes a Hugging Face model directory on instruction data (Okapi / Alpaca JSON, JSONL, or a directory of {lang}.json files) with the Okapi prompt, and writes checkpoints, metrics, an HTML report and <output>/final.',
  examples: [
    'okapi sft --model runs/demo-vi/base --data ./demo-data/sft/vi.json --lang vi --output runs/sft-vi',
    'okapi sft --model runs/demo-vi/base --data ./multilingual-alpaca-52k --lang vi --max-steps 100',
    'okapi sft --output runs/sft-vi --resume',
    'okapi sft --model runs/demo-vi/base --data ./demo-data/sft/vi.json --lang vi --output runs/sft-vi-lora --lora-rank 8 --lora-alpha 16 --lora-targets q_proj,k_proj,v_proj,o_proj',
  ],
  modelHelp: 'base model directory (Hugging Face layout)',
  dataHelp: 'data file, or a directory of Okapi {lang}.json files',
  options: [
    { flags: '--epochs <n>', description: 'training epochs', configPath: 'sft.epochs', parse: 'float' },
    { flags: '--loss-on <which>', description: 'tokens that carry loss', configPath: 'sft.lossOn', choices: ['all', 'response'] },
    { flags: '--lora-rank <r>', description: 'train LoRA adapters of this rank on frozen weights (any --lora-* flag turns LoRA on)', configPath: 'sft.lora.rank', parse: 'int' },
    { flags: '--lora-alpha <a>', description: 'LoRA scale numerator: adapters add (alpha/rank)·B·A·x', configPath: 'sft.lora.alpha', parse: 'float' },
    { flags: '--lora-dropout <p>', description: 'dropout on the adapter inputs while training', configPath: 'sft.lora.dropout', parse: 'float' },
    { flags: '--lora-targets <modules>', description: 'comma-separated linear modules to adapt (default: q_proj,v_proj for LLaMA, query_key_value for BLOOM)', configPath: 'sft.lora.targetModules', parse: 'list' },
  ],
  progressKeys: ['loss', 'validationLoss', 'tokensPerSecond'],
  summaryKeys: ['lr', 'gradNorm', 'tokensPerSecond', 'validationLoss', 'perplexity', 'trainableParams'],
  run: runSftStage,
  next: (_r, model, scope) => chatWith(model, scope),
});
