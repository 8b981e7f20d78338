import { z } from 'zod';
import { optimizerOptions, runOptions, trainableLayersOption } from '../common-options';

/** Direct preference optimisation on pairs or K-ranked lists (all C(K,2) pairs). */
export const dpoOptionsSchema = z.object({
  model: z.string().optional().describe('The SFT model directory (policy and frozen reference).'),
  data: z.string().optional().describe('Preference data: pairs or K-ranked lists.'),
  format: z.string().optional(),
  beta: z.number().positive().default(0.1).describe('Strength of the implicit KL constraint.'),
  labelSmoothing: z.number().min(0).max(0.5).default(0).describe('cDPO: assumed probability that a label is flipped.'),
  maxLength: z.number().int().positive().default(768),
  epochs: z.number().positive().default(1),
  microBatchSize: z.number().int().positive().default(2),
  gradientAccumulationSteps: z.number().int().positive().default(8),
  validationSplit: z.number().min(0).lt(1).default(0.1),
  trainableLayers: trainableLayersOption(null),
  ...optimizerOptions({ lr: 5e-7, weightDecay: 0, warmupSteps: 10, betas: [0.9, 0.95] }),
  ...runOptions,
});

export type DpoOptions = z.output<typeof dpoOptionsSchema>;
