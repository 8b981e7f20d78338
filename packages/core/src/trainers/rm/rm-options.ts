import { z } from 'zod';
import { optimizerOptions, runOptions, trainableLayersOption } from '../common-options';

/** Reward-model training, defaults = Okapi's RM recipe (OKAPI-FACTS.md). */
export const rmOptionsSchema = z.object({
  model: z.string().optional().describe('The SFT model directory the reward model starts from.'),
  data: z.string().optional().describe('Ranking data: pairs or K-ranked lists (file or Okapi directory).'),
  format: z.string().optional(),
  maxLength: z.number().int().positive().default(768),
  loss: z.enum(['pairwise', 'listwise']).default('pairwise')
    .describe("'pairwise': −log σ(r_c − r_r) over all C(K,2) pairs of a list; 'listwise': Plackett–Luce."),
  epochs: z.number().positive().default(3),
  microBatchSize: z.number().int().positive().default(4).describe('Comparisons (pairs or lists) per pass.'),
  gradientAccumulationSteps: z.number().int().positive().default(16).describe('Okapi: effective batch 64.'),
  validationSplit: z.number().min(0).lt(1).default(0.1),
  trainableLayers: trainableLayersOption(12),
  ...optimizerOptions({ lr: 3e-5, weightDecay: 1e-4, warmupSteps: 50, betas: [0.9, 0.999] }),
  ...runOptions,
});

export type RmOptions = z.output<typeof rmOptionsSchema>;
