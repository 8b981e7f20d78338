import type { DeviceTensor } from '../../backend/tensor-backend';
import { OkapiError } from '../../errors/okapi-error';
import type { RewardModel } from '../../reward/reward-model';
import { clamp } from '../../util/math';
import type { Rng } from '../../util/rng';
import { applyRewardBaseline, groupAlignedChunkSize, type RewardBaseline } from './group-baseline';
import { packRollouts, type RolloutTokens } from './ppo-batch';
import type { PpoPrompt } from './ppo-job';
import type { PolicyGenerator, PolicySampling } from './policy-generator';
import type { RolloutScorer } from './rollout-scorer';

/** One rollout with everything the PPO update needs (per response token where an array). */
export interface PpoSample extends RolloutTokens {
  readonly prompt: PpoPrompt;
  readonly response: string;
  readonly rawScore: number;
  /** After the reward baseline, clipped to ±rewardClip. */
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
  /** Consecutive rollouts of one prompt (k); chunks hold whole groups. */
  readonly samplesPerPrompt: number;
  readonly rewardBaseline: RewardBaseline;
}

/**
 * The experience phase of a PPO iteration, chunk by chunk: sample responses, score them with the
 * reward model, then measure policy logprobs / values / entropy and reference logprobs by forward passes.
 */
export class RolloutCollector {
  constructor(
    private readonly generator: PolicyGenerator,
    private readonly scorer: RolloutScorer,
    private readonly reward: RewardModel,
    private readonly decode: (ids: readonly (readonly number[])[]) => Promise<string[]>,
    private readonly s: RolloutSettings,
  ) {}

  /**
   * `prompts` lists each prompt samplesPerPrompt times in a row. Undefined when `signal` aborted the
   * collection (checked before each chunk and after its scoring).
   */
  async collect(prompts: readonly PpoPrompt[], rng: Rng, policy: Readonly<Record<string, DeviceTensor>>, reference: Readonly<Record<string, DeviceTensor>>, signal: AbortSignal): Promise<{ samples: PpoSample[]; timings: RolloutTimings } | undefined> {
    const timings = { generation: 0, scoring: 0, forward: 0 };
    const samples: PpoSample[] = [];
    const size = groupAlignedChunkSize(this.s.chunkSize, this.s.samplesPerPrompt);
    for (let i = 0; i < prompts.length; i += size) {
      if (signal.aborted) return undefined;
      const chunk = await this.chunk(prompts.slice(i, i + size), rng.nextUint32(), { policy, reference }, timings, signal);
      if (chunk === undefined) return undefined;
      samples.push(...chunk);
    }
    return { samples, timings };
  }

  /** One chunk: sample, score (one reward-model call), then measure with forward passes. */
  private async chunk(prompts: readonly PpoPrompt[], seed: number, weights: Record<'policy' | 'reference', Readonly<Record<string, DeviceTensor>>>,
    timings: Record<keyof RolloutTimings, number>, signal: AbortSignal): Promise<PpoSample[] | undefined> {
    let started = performance.now();
    const lap = (phase: keyof RolloutTimings) => { timings[phase] += (performance.now() - started) / 1000; started = performance.now(); };
    const queries = prompts.map((p) => p.ids.slice(-this.s.maxPromptLength));
    const responses = await this.generator.generate(queries, this.s.sampling, seed);
    lap('generation');
    const texts = (await this.decode(responses)).map((t) => t.trim());
    const rawScores = await this.reward.score(prompts.map((p) => p.text), texts, { lang: this.s.lang, references: prompts.map((p) => p.reference), signal });
    if (rawScores.length !== prompts.length) {
      throw new OkapiError(`Reward model '${this.reward.id}' returned ${rawScores.length} scores for ${prompts.length} responses`, {
        hint: 'RewardModel.score must return one number per (prompt, response) pair, in order.',
      });
    }
    lap('scoring');
    if (signal.aborted) return undefined;
    const rows = queries.map((queryIds, j) => ({ queryIds, responseIds: responses[j]! }));
    const packed = packRollouts(rows, this.s.sampling.padId, this.s.maxLength);
    const own = await this.scorer.run('policy', packed, weights.policy);
    const ref = await this.scorer.run('reference', packed, weights.reference);
    lap('forward');
    const centred = applyRewardBaseline(rawScores, this.s.samplesPerPrompt, this.s.rewardBaseline);
    return rows.map((row, j) => ({
      ...row, prompt: prompts[j]!, response: texts[j]!, rawScore: rawScores[j]!,
      score: clamp(centred[j]!, -this.s.rewardClip, this.s.rewardClip),
      logprobs: own.logprobs[j]!, values: own.values![j]!, entropy: own.entropy![j]!, refLogprobs: ref.logprobs[j]!,
    }));
  }
}
