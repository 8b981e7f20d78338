import { z } from 'zod';
import type { TensorBackend } from '../../backend/tensor-backend';
import { OkapiError } from '../../errors/okapi-error';
import type { FamilyRegistry } from '../../models/family-registry';
import { ResidentWeights } from '../../models/runtime/resident-weights';
import { loadTokenizer } from '../../tokenizer/load-tokenizer';
import type { Tokenizer } from '../../tokenizer/tokenizer';
import { RewardEvaluator } from '../../trainers/rm/reward-evaluator';
import { loadRewardModelDirectory } from '../../trainers/rm/reward-model-directory';
import type { RewardModel, RewardModelDescriptor } from '../reward-model';

const options = z.object({
  model: z.string().describe('Reward-model directory written by `okapi rm` (its <output>/final).'),
  batchSize: z.number().int().positive().default(8).describe('Texts scored per forward pass.'),
  maxLength: z.number().int().positive().default(768).describe('Tokens per text (cut from the right, as in RM training).'),
});
type LearnedOptions = z.output<typeof options>;

/** What a loaded RM needs to score: tokenizer, token ids it appends and pads with, resident weights. */
interface LoadedScorer {
  readonly tokenizer: Tokenizer;
  readonly eosId?: number;
  readonly padId: number;
  readonly weights: ResidentWeights;
  readonly evaluator: RewardEvaluator;
}

/**
 * The learned reward model: scores prompt + response (the prompt as the policy saw it, already
 * rendered) with the sequence-classification graph at the last real token, tokenised as in RM training.
 */
export class LearnedReward implements RewardModel {
  readonly id = 'learned';
  private loaded?: Promise<LoadedScorer>;

  constructor(private readonly backend: TensorBackend, private readonly families: FamilyRegistry, private readonly dir: string, private readonly o: LearnedOptions) {}

  async score(prompts: readonly string[], responses: readonly string[]): Promise<number[]> {
    const s = await (this.loaded ??= this.load());
    const sequences = [];
    for (let i = 0; i < prompts.length; i++) {
      const ids = await s.tokenizer.encode(prompts[i]! + (responses[i] ?? ''));
      const inputIds = ids.slice(0, this.o.maxLength);
      if (s.eosId !== undefined && inputIds.length < this.o.maxLength && inputIds.at(-1) !== s.eosId) inputIds.push(s.eosId);
      sequences.push({ inputIds, promptLength: 0, truncated: ids.length > this.o.maxLength });
    }
    const scores: number[] = [];
    for (let i = 0; i < sequences.length; i += this.o.batchSize) {
      // one "comparison" of tied rows: only its scores are used
      const chunk = sequences.slice(i, i + this.o.batchSize);
      const [rows] = await s.evaluator.scoreComparisons([{ sequences: chunk, ranks: chunk.map(() => 0) }], 1, { padId: s.padId, maxLength: this.o.maxLength });
      scores.push(...rows!);
    }
    return scores;
  }

  async dispose(): Promise<void> {
    if (this.loaded === undefined) return;
    const s = await this.loaded;
    await s.evaluator.dispose();
    s.weights.dispose();
  }

  private async load(): Promise<LoadedScorer> {
    const model = await loadRewardModelDirectory(this.dir, this.families);
    const tokenizer = await loadTokenizer(this.dir);
    const weights = ResidentWeights.upload(this.backend, model.weights);
    return {
      tokenizer, weights,
      eosId: model.family.tokenizer.stopIds(tokenizer.special, model.arch.config)[0],
      padId: model.family.tokenizer.padId(tokenizer.special, model.arch.config),
      evaluator: new RewardEvaluator(this.backend, model.arch, () => weights.tensors),
    };
  }
}

/** `learned`: a reward model trained with `okapi rm` (Okapi's PPO reward). */
export const learnedReward: RewardModelDescriptor<LearnedOptions> = {
  id: 'learned',
  summary: 'A reward model trained with `okapi rm`: scores prompt + response at the last token',
  optionsSchema: options,
  create(o, services) {
    if (services.backend === undefined) {
      throw new OkapiError(`Reward model 'learned' (${o.model}) needs a tensor backend, and none is active yet.`, {
        hint: 'Create rewards after the stage has activated its backend (activateBackend(scope) before resolving RewardFactory).',
      });
    }
    return new LearnedReward(services.backend, services.families, services.resolvePath(o.model), o);
  },
};
