import { z } from 'zod';
import type { RewardModelDescriptor } from '../reward-model';

const options = z.object({
  unit: z.enum(['chars', 'words']).default('words').describe('How length is counted.'),
  min: z.number().nonnegative().default(0).describe('Shorter responses are penalised per missing unit.'),
  max: z.number().positive().default(256).describe('Longer responses are penalised per extra unit.'),
  coef: z.number().nonnegative().default(0.01).describe('Penalty per unit outside [min, max].'),
});

/** A length penalty: 0 inside [min, max], −coef per character/word outside it. */
export const lengthReward: RewardModelDescriptor<z.output<typeof options>> = {
  id: 'length',
  summary: 'Penalty for responses shorter than min or longer than max (chars or words)',
  optionsSchema: options,
  create(o) {
    const measure = (text: string): number => (o.unit === 'chars' ? [...text].length : text.split(/\s+/).filter(Boolean).length);
    return {
      id: 'length',
      async score(_prompts, responses) {
        return responses.map((r) => {
          const n = measure(r);
          return -o.coef * (Math.max(0, o.min - n) + Math.max(0, n - o.max));
        });
      },
    };
  },
};
