import { z } from 'zod';

/** The `demo` config section: overrides of the chosen preset (`okapi demo --size`), all optional. */
export const demoOptionsSchema = z.object({
  vocabSize: z.number().int().min(260).optional().describe('Tokenizer vocabulary (byte-level BPE).'),
  hiddenSize: z.number().int().positive().optional(),
  layers: z.number().int().positive().optional(),
  heads: z.number().int().positive().optional(),
  teacherEcho: z.number().min(0).max(1).optional()
    .describe("Share of SFT answers the demo's imperfect teacher replaces by the echoed input (0: a perfect teacher; the full preset: 0.4, quick: 0)."),
  sftSteps: z.number().int().positive().optional(),
  sftLearningRate: z.number().positive().optional(),
  sftWarmupSteps: z.number().int().nonnegative().optional(),
  sftBatchSize: z.number().int().positive().optional(),
  rmSteps: z.number().int().positive().optional(),
  ppoIterations: z.number().int().positive().optional(),
  ppoRollouts: z.number().int().positive().optional(),
  ppoLearningRate: z.number().positive().optional(),
  ppoTemperature: z.number().positive().optional().describe('Sampling temperature of the PPO rollouts (Okapi: 1; the full demo preset: 0.5).'),
  ppoReward: z.enum(['verifier', 'learned']).default('verifier')
    .describe("PPO's reward: the demo tasks' verifier, or the reward model trained in the RM stage (Okapi's choice)."),
  evalPrompts: z.number().int().positive().optional().describe('Held-out prompts evaluated before and after.'),
  maxNewTokens: z.number().int().positive().optional(),
  tasks: z.array(z.enum(['add', 'sort', 'reverse', 'max', 'count', 'upper'])).min(1).optional()
    .describe('Demo tasks to use (default: the preset\'s).'),
}).prefault({});

export type DemoOverrides = z.output<typeof demoOptionsSchema>;
