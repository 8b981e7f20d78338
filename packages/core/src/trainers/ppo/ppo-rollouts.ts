import type { DeviceTensor } from '../../backend/tensor-backend';
import { OkapiError } from '../../errors/okapi-error';
import type { RewardModel } from '../../reward/reward-model';
import { clamp } from '../../util/math';
import type { Rng } from '../../util/rng';
import { packRollouts, type RolloutTokens } from './ppo-batch';
import type { PpoPrompt } from './ppo-job';
import type { PolicyGenerator, PolicySampling } from './policy-generator';
import type { RolloutScorer } from './rollout-scorer';

/** One rollout with everything the PPO update needs (per response token where an array). */
export interface PpoSample extends RolloutTokens {
  readonly prompt: PpoPrompt;
  readonly response: string;
  readonly rawScore: number;
  /** Clipped to ±rewardClip. */
  readonly score: number;
  readonly logprobs: Float64Array;
  readonly refLogprobs: Float64Array;
  readonly values: Float64Array;
  readonly entropy: Float64Array;
}

/** Wall time of each rollout phase, in seconds. */
export interface RolloutTimings {
  readonly generation: number;
  readonly scoring: number;
  readonly forward: number;
}

export interface RolloutSettings {
  readonly sampling: PolicySampling;
  readonly chunkSize: number;
  readonly maxPromptLength: number;
  /** Longest query + response (the generation length). */
  readonly maxLength: number;
  readonly rewardClip: number;
  readonly lang: string;
}

/**
 * The experience phase of a PPO iteration: sample responses in chunks, score them with the reward
 * model, then measure policy logprobs / values / entropy and reference logprobs by forward passes.
 */
export class RolloutCollector {
  constructor(
    private readonly generator: PolicyGenerator,
    private readonly scorer: RolloutScorer,
    private readonly reward: RewardModel,
    private readonly decode: (ids: readonly (readonly number[])[]) => Promise<string[]>,
    private readonly s: RolloutSettings,
  ) {}

  /** Undefined when `signal` aborted the collection (between chunks, or after scoring). */
  async collect(prompts: readonly PpoPrompt[], rng: Rng, policy: Readonly<Record<string, DeviceTensor>>, reference: Readonly<Record<string, DeviceTensor>>, signal: AbortSignal): Promise<{ samples: PpoSample[]; timings: RolloutTimings } | undefined> {
    let started = performance.now();
    const queries = prompts.map((p) => p.ids.slice(-this.s.maxPromptLength));
    const responses: number[][] = [];
    for (let i = 0; i < queries.length; i += this.s.chunkSize) {
      if (signal.aborted) return undefined;
      responses.push(...await this.generator.generate(queries.slice(i, i + this.s.chunkSize), this.s.sampling, rng.nextUint32()));
    }
    const generation = (performance.now() - started) / 1000;
    started = performance.now();
    const texts = (await this.decode(responses)).map((t) => t.trim());
    const rawScores = await this.reward.score(prompts.map((p) => p.text), texts, { lang: this.s.lang, references: prompts.map((p) => p.reference), signal });
    const scoring = (performance.now() - started) / 1000;
    if (rawScores.length !== prompts.length) {
      throw new OkapiError(`Reward model '${this.reward.id}' returned ${rawScores.length} scores for ${prompts.length} responses`, {
        hint: 'RewardModel.score must return one number per (prompt, response) pair, in order.',
      });
    }
    if (signal.aborted) return undefined;
    started = performance.now();
    const samples: PpoSample[] = [];
    for (let i = 0; i < queries.length; i += this.s.chunkSize) {
      const rows = queries.slice(i, i + this.s.chunkSize).map((queryIds, j) => ({ queryIds, responseIds: responses[i + j]! }));
      const packed = packRollouts(rows, this.s.sampling.padId, this.s.maxLength);
      const own = await this.scorer.run('policy', packed, policy);
      const ref = await this.scorer.run('reference', packed, reference);
      rows.forEach((row, j) => samples.push({
        ...row, prompt: prompts[i + j]!, response: texts[i + j]!, rawScore: rawScores[i + j]!,
        score: clamp(rawScores[i + j]!, -this.s.rewardClip, this.s.rewardClip),
        logprobs: own.logprobs[j]!, values: own.values![j]!, entropy: own.entropy![j]!, refLogprobs: ref.logprobs[j]!,
      }));
    }
    return { samples, timings: { generation, scoring, forward: (performance.now() - started) / 1000 } };
  }
}
