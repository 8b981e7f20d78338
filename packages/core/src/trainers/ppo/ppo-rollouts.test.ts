import type { RewardModel } from '../../reward/reward-model';
import { Rng } from '../../util/rng';
import type { PackedRollouts } from './ppo-batch';
import type { PpoPrompt } from './ppo-job';
import type { PolicyGenerator } from './policy-generator';
import { PromptCursor } from './prompt-cursor';
import { RolloutCollector, type RolloutSettings } from './ppo-rollouts';
import type { RolloutScorer } from './rollout-scorer';

/** Fakes: the "response" is one token, the reward is a fixed table by sample index, forward passes are zeros. */
function collectorWith(rewardsInOrder: number[], settings: Partial<RolloutSettings>) {
  const chunks: string[][] = [];
  let next = 0;
  const generator = { generate: async (queries: readonly (readonly number[])[]) => queries.map(() => [7]) } as unknown as PolicyGenerator;
  const reward: RewardModel = {
    id: 'table',
    score: async (prompts) => { chunks.push([...prompts]); return prompts.map(() => rewardsInOrder[next++]!); },
  };
  const zeros = (packed: PackedRollouts) => Array.from({ length: packed.batch }, () => new Float64Array(1));
  const scorer = { run: async (_kind: string, packed: PackedRollouts) => ({ logprobs: zeros(packed), values: zeros(packed), entropy: zeros(packed) }) } as unknown as RolloutScorer;
  const s: RolloutSettings = {
    sampling: { maxNewTokens: 1, eosIds: [2], padId: 0, doSample: true }, chunkSize: 6, maxPromptLength: 8, maxLength: 9,
    rewardClip: 10, lang: 'en', samplesPerPrompt: 1, rewardBaseline: 'none', ...settings,
  };
  const collector = new RolloutCollector(generator, scorer, reward, async (ids) => ids.map((r) => r.join(' ')), s);
  return { collector, chunks };
}

const prompts: PpoPrompt[] = ['p', 'q', 'r', 's', 't'].map((text, i) => ({ ids: [3 + i], text }));

describe(RolloutCollector.name, () => {
  it('keeps the k samples of a prompt in one chunk and centres each score on its siblings (leave-one-out)', async () => {
    const cursor = new PromptCursor(prompts, 1);
    const drawn = cursor.takeGroups(8, 4);
    const { collector, chunks } = collectorWith([1, 0, 0, 1, 0, 0, 0, 3], { samplesPerPrompt: 4, rewardBaseline: 'group-mean', chunkSize: 6 });
    const out = (await collector.collect(drawn, Rng.fromSeed(0), {}, {}, new AbortController().signal))!;
    // chunkSize 6 is rounded down to one group of 4
    expect(chunks.map((c) => c.length)).toEqual([4, 4]);
    chunks.forEach((c) => expect(new Set(c).size).toBe(1));
    expect(cursor.position).toBe(2);
    // hand-computed: [1,0,0,1] -> ±2/3; [0,0,0,3] -> -1,-1,-1,3
    const expected = [2 / 3, -2 / 3, -2 / 3, 2 / 3, -1, -1, -1, 3];
    out.samples.forEach((sample, i) => expect(sample.score).toBeCloseTo(expected[i]!, 12));
    expect(out.samples.map((sample) => sample.rawScore)).toEqual([1, 0, 0, 1, 0, 0, 0, 3]);
  });

  it('clips after the baseline, and leaves scores alone without one', async () => {
    const grouped = collectorWith([20, 0], { samplesPerPrompt: 2, rewardBaseline: 'group-mean' });
    const a = (await grouped.collector.collect([prompts[0]!, prompts[0]!], Rng.fromSeed(0), {}, {}, new AbortController().signal))!;
    expect(a.samples.map((s) => s.score)).toEqual([10, -10]);
    const plain = collectorWith([20, 0.5], {});
    const b = (await plain.collector.collect(prompts.slice(0, 2), Rng.fromSeed(0), {}, {}, new AbortController().signal))!;
    expect(b.samples.map((s) => s.score)).toEqual([10, 0.5]);
  });
});
