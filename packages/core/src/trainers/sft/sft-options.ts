import { z } from 'zod';
import { optimizerOptions, runOptions, trainableLayersOption } from '../common-options';
import { loraOptionsSchema } from '../lora/lora-options';

/** Supervised fine-tuning, defaults = Okapi's SFT recipe (OKAPI-FACTS.md). */
export const sftOptionsSchema = z.object({
  model: z.string().optional().describe('Base model directory (Hugging Face layout).'),
  data: z.string().optional().describe('Training data file, or a directory of Okapi `{lang}.json` files.'),
  format: z.string().optional().describe('Dataset adapter id (default: detected from content).'),
  maxLength: z.number().int().positive().default(512).describe('Tokens per example (truncated to this).'),
  appendEos: z.boolean().default(true).describe('Append EOS when it fits (Okapi does).'),
  lossOn: z.enum(['all', 'response']).default('all').describe("Loss on the whole sequence (Okapi: 'all') or the response only."),
  epochs: z.number().positive().default(3),
  microBatchSize: z.number().int().positive().default(2).describe('Examples per forward/backward pass.'),
  gradientAccumulationSteps: z.number().int().positive().default(1).describe('Micro-batches per optimizer step.'),
  validationSplit: z.number().min(0).lt(1).default(0.1).describe('Held-out fraction (Okapi: 90/10, seed 0).'),
  packing: z.boolean().default(false).describe('Pack several short examples into one sequence.'),
  trainableLayers: trainableLayersOption(null),
  lora: loraOptionsSchema.optional().describe('Train LoRA adapters (base weights frozen) instead of full weights; see docs/training.md.'),
  ...optimizerOptions({ lr: 1e-5, weightDecay: 0.05, warmupSteps: 300, betas: [0.9, 0.95] }),
  ...runOptions,
});

export type SftOptions = z.output<typeof sftOptionsSchema>;
