import { z } from 'zod';
import type { RewardModelDescriptor } from '../reward-model';

const options = z.object({
  correct: z.number().default(1).describe('Reward for a correct answer.'),
  wrong: z.number().default(0).describe('Reward for a wrong answer.'),
  missing: z.number().default(0).describe('Reward when the sample has no reference to check against.'),
  caseSensitive: z.boolean().default(true),
});

/** A task-specific checker: given the sample's reference, the quality of a response in [0, 1]. */
export type Checker = (response: string, reference: Readonly<Record<string, unknown>>) => number | undefined;

/** Exact match against `reference.answer` after trimming and collapsing whitespace. */
export const exactAnswerChecker = (caseSensitive: boolean): Checker => (response, reference) => {
  if (typeof reference.answer !== 'string') return undefined;
  const norm = (s: string) => (caseSensitive ? s : s.toLowerCase()).trim().replace(/\s+/g, ' ');
  return norm(response) === norm(reference.answer) ? 1 : 0;
};

/**
 * Rule/verifier reward: each sample's reference says what is correct; the checker gives a quality q in
 * [0, 1] and the reward is wrong + q·(correct − wrong). Extra checkers (e.g. the demo tasks') come first.
 */
export function verifierReward(extraCheckers: readonly Checker[] = []): RewardModelDescriptor<z.output<typeof options>> {
  return {
    id: 'verifier',
    summary: "Checks each response against the sample's reference answer (rule-based, for verifiable tasks)",
    optionsSchema: options,
    create(o) {
      const checkers = [...extraCheckers, exactAnswerChecker(o.caseSensitive)];
      return {
        id: 'verifier',
        async score(_prompts, responses, { references }) {
          return responses.map((response, i) => {
            const reference = references?.[i];
            const quality = reference === undefined ? undefined : checkers.map((c) => c(response, reference)).find((q) => q !== undefined);
            return quality === undefined ? o.missing : o.wrong + quality * (o.correct - o.wrong);
          });
        },
      };
    },
  };
}
