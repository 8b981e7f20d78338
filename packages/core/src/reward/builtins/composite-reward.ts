import { z } from 'zod';
import type { RewardModel, RewardModelDescriptor } from '../reward-model';

const spec = z.union([z.string(), z.object({ id: z.string(), options: z.unknown().optional() })]);
const options = z.object({
  components: z.array(z.object({ reward: spec, weight: z.number().default(1) })).min(1)
    .describe('Rewards to add up, each with a weight.'),
});

/** A weighted sum of other reward models, configured in YAML/TS; components may be plugins too. */
export const compositeReward: RewardModelDescriptor<z.output<typeof options>> = {
  id: 'composite',
  summary: 'Weighted sum of other reward models',
  optionsSchema: options,
  async create(o, services) {
    const parts: { model: RewardModel; weight: number }[] = [];
    for (const [i, c] of o.components.entries()) {
      parts.push({ model: await services.create(c.reward, `reward.options.components.${i}.reward`), weight: c.weight });
    }
    return {
      id: 'composite',
      async score(prompts, responses, context) {
        const total = new Array<number>(responses.length).fill(0);
        for (const { model, weight } of parts) {
          const scores = await model.score(prompts, responses, context);
          scores.forEach((s, i) => { total[i]! += weight * s; });
        }
        return total;
      },
      async dispose() {
        for (const { model } of parts) await model.dispose?.();
      },
    };
  },
};
