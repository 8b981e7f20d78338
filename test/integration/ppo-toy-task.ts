// A verifiable toy task for PPO tests: prompt [BOS, a, b] → the answer is a (copy the first token).
// The "SFT" data teaches a and b equally often, so the SFT'd policy is right about half the time and
// only a reward can tell it which one is wanted.
import { shuffled, verifierReward, type PpoPrompt, type RewardModel } from '@okapi/core';

export const BOS = 1;
export const EOS = 2;
const FIRST = 10;
const COUNT = 20;

/** Token ids as text: `t<id>`, special tokens (< 3) skipped, as a tokenizer's decode would. */
export async function decodeToy(rows: readonly (readonly number[])[]): Promise<string[]> {
  return rows.map((ids) => ids.filter((id) => id >= 3).map((id) => `t${id}`).join(' '));
}

export interface ToyData {
  readonly train: PpoPrompt[];
  readonly validation: PpoPrompt[];
  /** SFT sequences over the train prompts: [BOS, a, b, a, EOS] and [BOS, a, b, b, EOS]. */
  readonly sft: { inputIds: number[]; promptLength: number; truncated: boolean }[];
}

export function toyData(validationSize: number): ToyData {
  const pairs: [number, number][] = [];
  for (let a = FIRST; a < FIRST + COUNT; a++) for (let b = FIRST; b < FIRST + COUNT; b++) if (a !== b) pairs.push([a, b]);
  const prompts = shuffled(pairs, 'ppo-toy').map(([a, b]): PpoPrompt => ({ ids: [BOS, a, b], text: `t${a} t${b}`, reference: { answer: `t${a}` } }));
  const train = prompts.slice(validationSize);
  const sft = train.flatMap((p) => [p.ids[1]!, p.ids[2]!].map((answer) => ({ inputIds: [...p.ids, answer, EOS], promptLength: 3, truncated: false })));
  return { train, validation: prompts.slice(0, validationSize), sft };
}

/** The built-in 'verifier' reward (exact answer in the reference), default options. */
export function toyVerifier(): RewardModel {
  const descriptor = verifierReward();
  return descriptor.create(descriptor.optionsSchema.parse({}), undefined as never) as RewardModel;
}
