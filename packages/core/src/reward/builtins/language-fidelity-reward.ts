import { z } from 'zod';
import type { RewardModelDescriptor } from '../reward-model';

const options = z.object({
  scale: z.number().default(1).describe('Reward for a response entirely in the target language.'),
  minLength: z.number().int().nonnegative().default(1).describe('Responses with fewer letters score 0.'),
});

/**
 * Rewards answering in the target language (Okapi's failure mode in low-resource languages is
 * replying in English): scale × P(response is in `lang`) from the language packs' detector.
 */
export const languageFidelityReward: RewardModelDescriptor<z.output<typeof options>> = {
  id: 'language-fidelity',
  summary: 'Probability that the response is written in the target language (language-pack detector)',
  optionsSchema: options,
  create(o, { languages }) {
    const detector = languages.detector();
    return {
      id: 'language-fidelity',
      async score(_prompts, responses, { lang }) {
        const code = languages.get(lang).code;
        return responses.map((r) => ([...r.matchAll(/\p{L}/gu)].length < o.minLength ? 0 : o.scale * detector.probabilityOf(r, code)));
      },
    };
  },
};
