import { z } from 'zod';

/** The `pipeline` config section: which stages `okapi pipeline` runs, for which languages. */
export const pipelineOptionsSchema = z.object({
  langs: z.array(z.string()).optional().describe('Languages to run the recipe for (default: `lang`).'),
  method: z.enum(['ppo', 'dpo']).default('ppo').describe("After SFT: Okapi's RM → PPO, or DPO on the ranking data."),
  stages: z.array(z.enum(['sft', 'rm', 'ppo', 'dpo'])).optional().describe('Run only these stages (default: all of the method).'),
}).prefault({});

export type PipelineOptions = z.output<typeof pipelineOptionsSchema>;
