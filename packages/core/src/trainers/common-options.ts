import { z } from 'zod';

/** Optimizer and schedule keys every trainer shares (values differ per stage: see each preset). */
export function optimizerOptions(d: { lr: number; weightDecay: number; warmupSteps: number; betas: [number, number]; eps?: number }) {
  return {
    learningRate: z.number().positive().default(d.lr).describe('Peak learning rate (AdamW).'),
    weightDecay: z.number().nonnegative().default(d.weightDecay).describe('Decoupled weight decay (AdamW).'),
    betas: z.tuple([z.number().min(0).lt(1), z.number().min(0).lt(1)]).default(d.betas).describe('AdamW (β1, β2).'),
    eps: z.number().positive().default(d.eps ?? 1e-8).describe('AdamW ε.'),
    schedule: z.enum(['cosine', 'linear', 'constant']).default('cosine').describe('Learning-rate decay after warm-up.'),
    warmupSteps: z.number().int().nonnegative().default(d.warmupSteps).describe('Linear warm-up, in optimizer steps.'),
    maxGradNorm: z.number().positive().optional().default(1).describe('Clip gradients to this global L2 norm.'),
  };
}

/** Run bookkeeping every trainer shares. */
export const runOptions = {
  evalEvery: z.number().int().positive().default(100).describe('Evaluate on the held-out split every N optimizer steps.'),
  saveEvery: z.number().int().positive().default(200).describe('Write a resumable checkpoint every N optimizer steps.'),
  keepLast: z.number().int().positive().default(2).describe('Checkpoints kept (older ones are deleted).'),
  maxSteps: z.number().int().positive().optional().describe('Stop after this many optimizer steps (overrides epochs).'),
};

/** Which blocks train; Okapi freezes all but the top N for the RM (12) and PPO (5). */
export const trainableLayersOption = (d: number | null) => z.number().int().positive().nullable().default(d)
  .describe('Train only the top N transformer blocks (plus embeddings/final norm/heads as the stage says); null = all.');
