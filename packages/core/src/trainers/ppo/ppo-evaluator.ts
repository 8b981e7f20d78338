import type { RewardModel } from '../../reward/reward-model';
import { mean } from '../../util/math';
import type { PpoPrompt } from './ppo-job';
import type { PolicyGenerator, PolicySampling } from './policy-generator';

/** Held-out reward of the current policy: greedy answers to held-out prompts, scored by the run's reward model. */
export async function evaluatePolicy(
  generator: PolicyGenerator, reward: RewardModel, prompts: readonly PpoPrompt[],
  o: { sampling: PolicySampling; chunkSize: number; maxPromptLength: number; lang: string; decode: (ids: readonly (readonly number[])[]) => Promise<string[]> },
): Promise<{ validationReward: number; validationResponseLength: number }> {
  if (prompts.length === 0) return { validationReward: NaN, validationResponseLength: NaN };
  const responses: number[][] = [];
  for (let i = 0; i < prompts.length; i += o.chunkSize) {
    const chunk = prompts.slice(i, i + o.chunkSize).map((p) => p.ids.slice(-o.maxPromptLength));
    responses.push(...await generator.generate(chunk, { ...o.sampling, doSample: false }, 0));
  }
  const texts = (await o.decode(responses)).map((t) => t.trim());
  const scores = await reward.score(prompts.map((p) => p.text), texts, { lang: o.lang, references: prompts.map((p) => p.reference) });
  return { validationReward: mean(scores), validationResponseLength: mean(responses.map((r) => r.length)) };
}
