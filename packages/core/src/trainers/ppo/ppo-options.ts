import { z } from 'zod';
import { optimizerOptions, runOptions, trainableLayersOption } from '../common-options';

const rewardSpec = z.union([z.string(), z.object({ id: z.string(), options: z.unknown().optional() })]);

/** PPO with a value head and a frozen reference; defaults = Okapi's RL recipe (OKAPI-FACTS.md). */
export const ppoOptionsSchema = z.object({
  model: z.string().optional().describe('The SFT model directory (policy and frozen reference).'),
  data: z.string().optional().describe('RL prompts (Okapi multilingual-rl-tuning format or any instruction data).'),
  format: z.string().optional().describe('Dataset adapter id (default: detected from content).'),
  reward: rewardSpec.default('learned').describe("Reward model: an id ('learned', 'verifier', 'composite', a plugin's) or { id, options }."),
  adaptiveKl: z.boolean().default(true).describe('Adaptive KL controller (else a fixed coefficient).'),
  initKlCoef: z.number().nonnegative().default(0.1).describe('KL-penalty coefficient β at the start (the fixed value when adaptiveKl is false).'),
  klTarget: z.number().positive().default(6).describe('Adaptive KL: the per-response KL (Σ over tokens of log π − log π_ref) the controller steers to.'),
  klHorizon: z.number().positive().default(10000).describe('Adaptive KL: rollouts over which β moves by the (clipped) proportional error.'),
  gamma: z.number().min(0).max(1).default(1).describe('Discount γ of the per-token rewards (GAE).'),
  lam: z.number().min(0).max(1).default(0.95).describe('GAE λ.'),
  cliprange: z.number().positive().default(0.2).describe('Policy ratio clip ε: the ratio is kept in [1 − ε, 1 + ε].'),
  cliprangeValue: z.number().positive().default(0.2).describe('Value clip: new values stay within ± this of the rollout values.'),
  vfCoef: z.number().nonnegative().default(1).describe('Weight of the value loss in the total loss.'),
  ppoEpochs: z.number().int().positive().default(4).describe('Optimisation passes over each batch of rollouts.'),
  numRollouts: z.number().int().positive().default(128).describe('Rollouts per iteration.'),
  chunkSize: z.number().int().positive().default(16).describe('Rollouts generated per generation batch.'),
  samplesPerPrompt: z.number().int().positive().default(1).describe('Samples k per prompt: an iteration draws numRollouts / k prompts and samples each k times (numRollouts must be divisible by k); a generation chunk holds whole groups (chunkSize rounded down to a multiple of k, at least k).'),
  rewardBaseline: z.enum(['none', 'group-mean']).default('none').describe("Per-prompt reward baseline, applied to the raw score before the ±rewardClip clip and the KL shaping: 'none', or 'group-mean' (RLOO's leave-one-out mean; needs samplesPerPrompt >= 2): score_i − (Σ_{j≠i} score_j) / (k − 1) over the k samples of sample i's prompt."),
  batchSize: z.number().int().positive().default(2).describe('Rollouts per optimizer step.'),
  miniBatchSize: z.number().int().positive().default(1).describe('Rollouts per forward/backward pass; a step accumulates batchSize / miniBatchSize of them.'),
  rewardClip: z.number().positive().default(10).describe('Scores are clipped to ±this (raw RM score, no normalisation).'),
  iterations: z.number().int().positive().default(1).describe('Rollout/optimise iterations (or use maxSteps).'),
  maxPromptLength: z.number().int().positive().default(512).describe('Prompts are truncated from the left to this.'),
  maxNewTokens: z.number().int().positive().default(256),
  temperature: z.number().positive().default(1).describe('Rollout sampling temperature; the log-probs, ratios and KL of the update are those of logits / temperature (as in TRL).'),
  topK: z.number().int().nonnegative().default(0).describe('Rollout top-k (0 = off).'),
  topP: z.number().gt(0).max(1).default(1).describe('Rollout nucleus top-p (1 = off).'),
  validationSplit: z.number().min(0).lt(1).default(0.05).describe('Held-out prompts for the greedy held-out reward (Okapi: 95/5, seed 0).'),
  klStop: z.number().positive().default(50).describe('Stop the run when the mean KL exceeds this (blow-up guard).'),
  trainableLayers: trainableLayersOption(5),
  ...optimizerOptions({ lr: 1e-6, weightDecay: 1e-6, warmupSteps: 0, betas: [0.9, 0.95], eps: 1e-8 }),
  ...runOptions,
});

export type PpoOptions = z.output<typeof ppoOptionsSchema>;
