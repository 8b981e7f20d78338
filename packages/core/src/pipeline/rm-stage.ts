import { activateBackend } from '../backend/activate-backend';
import { assignSplits } from '../data/split';
import type { RunScope } from '../di/run-scope';
import { OkapiError } from '../errors/okapi-error';
import { FamilyRegistry } from '../models/family-registry';
import type { ModelFamilyDescriptor } from '../models/model-family';
import type { ModelArchitecture } from '../models/model-architecture';
import { PrompterFactory } from '../prompting/prompter-factory';
import { RunDirectory } from '../runs/run-directory';
import { loadTokenizer } from '../tokenizer/load-tokenizer';
import type { Tokenizer } from '../tokenizer/tokenizer';
import { loadTrainerState } from '../trainers/engine/optimizer-state-file';
import type { TokenizedComparison } from '../trainers/rm/preference-batches';
import { loadRewardModelDirectory } from '../trainers/rm/reward-model-directory';
import type { RmOptions } from '../trainers/rm/rm-options';
import { RmTrainer, type RmJob } from '../trainers/rm/rm-trainer';
import { tokenizeComparison } from '../trainers/rm/tokenize-comparison';
import type { StepMetrics } from '../trainers/trainer';
import type { StageResult } from './sft-stage';
import { readStageRecords, required, resolveUserPath, type StageRunOptions } from './stage-io';
import { stageRunConfig } from './stage-resume';

/** What the RM and DPO stages read from their options. */
export interface PreferenceDataOptions {
  readonly data?: string;
  readonly format?: string;
  readonly maxLength: number;
  readonly validationSplit: number;
}

/** Tokenised, split preference data of a stage. */
export interface PreferenceData {
  readonly train: TokenizedComparison[];
  readonly validation: TokenizedComparison[];
  readonly padId: number;
}

/**
 * Reads pairs or K-ranked lists, renders Okapi prompts, tokenises prompt + each response and splits
 * the comparisons (seeded, like SFT's 90/10).
 */
export async function preparePreferenceData(
  scope: RunScope, stage: 'rm' | 'dpo', o: PreferenceDataOptions, model: { family: ModelFamilyDescriptor; arch: ModelArchitecture }, tokenizer: Tokenizer, onInvalid?: StageRunOptions['onInvalid'],
): Promise<PreferenceData> {
  const data = required(o.data, `${stage}.data`, '--data FILE|DIR');
  const records = await readStageRecords(scope, data, o.format, ['pair', 'ranked'], onInvalid);
  const prompter = scope.resolve(PrompterFactory).create();
  const eosId = model.family.tokenizer.stopIds(tokenizer.special, model.arch.config)[0];
  const comparisons: TokenizedComparison[] = [];
  for (const record of records) {
    const c = await tokenizeComparison(record, { encoder: tokenizer, render: (r) => prompter.render(r), maxLength: o.maxLength, eosId });
    if (c !== undefined) comparisons.push(c);
  }
  if (comparisons.length < records.length) scope.logger.warn(`${data}: ${records.length - comparisons.length} records have all responses tied and were skipped`);
  if (comparisons.length === 0) throw new OkapiError(`${data}: no usable preference records.`, { hint: 'Give pairs (chosen/rejected) or ranked lists with at least two different ranks.' });
  const truncated = comparisons.filter((c) => c.sequences.some((s) => s.truncated)).length;
  if (truncated > 0) scope.logger.warn(`${truncated} comparisons were cut at ${o.maxLength} tokens (${stage}.maxLength)`);
  const split = o.validationSplit > 0 ? assignSplits(comparisons.length, [1 - o.validationSplit, o.validationSplit], scope.config.seed) : new Uint8Array(comparisons.length);
  return {
    train: comparisons.filter((_, i) => split[i] === 0),
    validation: comparisons.filter((_, i) => split[i] === 1),
    padId: model.family.tokenizer.padId(tokenizer.special, model.arch.config),
  };
}

/**
 * `okapi rm`: a reward model on the SFT model (fresh seeded score head, or an RM directory to continue),
 * trained on pairs / ranked lists; publishes `<output>/final` as a `*ForSequenceClassification` directory.
 */
export async function runRmStage(scope: RunScope, o: RmOptions, io: StageRunOptions & { onStep?: (m: StepMetrics) => void }): Promise<StageResult> {
  const modelDir = resolveUserPath(scope, required(o.model, 'rm.model', '--model DIR'));
  await activateBackend(scope);
  const families = scope.resolve(FamilyRegistry);
  const model = await loadRewardModelDirectory(modelDir, families, { freshHeadSeed: scope.config.seed, logger: scope.logger });
  const tokenizer = await loadTokenizer(modelDir);
  const data = await preparePreferenceData(scope, 'rm', o, model, tokenizer, io.onInvalid);
  const run = await RunDirectory.open(resolveUserPath(scope, io.output), `Reward model · ${scope.config.lang} · ${modelDir}`, stageRunConfig(scope, 'rm', o, { model: modelDir, data: o.data }));
  let resume: RmJob['resume'];
  const latest = io.resume ? run.latestCheckpoint() : undefined;
  if (latest !== undefined) {
    scope.logger.info(`resuming from ${latest.path}`);
    const { state, moments } = await loadTrainerState(latest.path);
    resume = { state, moments, weights: (await loadRewardModelDirectory(latest.path, families)).weights };
  }
  const job: RmJob = { options: o, model, seed: scope.config.seed, ...data, resume };
  scope.logger.info(`RM (${o.loss}) on ${job.train.length} comparisons (${job.validation.length} held out), ${model.freshHead ? 'fresh' : 'loaded'} score head`);
  const result = await scope.resolve(RmTrainer).run(job, run.hooks(o.keepLast, (dir) => tokenizer.save(dir), io.onStep), io.signal);
  const final = await run.publishFinal();
  await run.writeReport();
  return { result, model: final, run };
}
