import { activateBackend } from '../backend/activate-backend';
import type { RunScope } from '../di/run-scope';
import { FamilyRegistry } from '../models/family-registry';
import { loadModelDirectory } from '../models/model-directory';
import { RunDirectory } from '../runs/run-directory';
import { loadTokenizer } from '../tokenizer/load-tokenizer';
import { loadTrainerState } from '../trainers/engine/optimizer-state-file';
import type { DpoOptions } from '../trainers/dpo/dpo-options';
import { DpoTrainer, type DpoJob } from '../trainers/dpo/dpo-trainer';
import type { StepMetrics } from '../trainers/trainer';
import { preparePreferenceData } from './rm-stage';
import type { StageResult } from './sft-stage';
import { required, resolveUserPath, type StageRunOptions } from './stage-io';
import { stageRunConfig } from './stage-resume';

/**
 * `okapi dpo`: the SFT model is both the policy and the frozen reference; trains on pairs or K-ranked
 * lists (all pairs) and publishes `<output>/final` (a causal LM, loadable by `okapi chat`).
 */
export async function runDpoStage(scope: RunScope, o: DpoOptions, io: StageRunOptions & { onStep?: (m: StepMetrics) => void }): Promise<StageResult> {
  const modelDir = resolveUserPath(scope, required(o.model, 'dpo.model', '--model DIR'));
  await activateBackend(scope);
  const families = scope.resolve(FamilyRegistry);
  const model = await loadModelDirectory(modelDir, families, { logger: scope.logger });
  const tokenizer = await loadTokenizer(modelDir);
  const data = await preparePreferenceData(scope, 'dpo', o, model, tokenizer, io.onInvalid);
  const run = await RunDirectory.open(resolveUserPath(scope, io.output), `DPO · ${scope.config.lang} · ${modelDir}`, stageRunConfig(scope, 'dpo', o, { model: modelDir, data: o.data }));
  let resume: DpoJob['resume'];
  const latest = io.resume ? run.latestCheckpoint() : undefined;
  if (latest !== undefined) {
    scope.logger.info(`resuming from ${latest.path}`);
    const { state, moments } = await loadTrainerState(latest.path);
    resume = { state, moments, weights: (await loadModelDirectory(latest.path, families)).weights };
  }
  const job: DpoJob = { options: o, model, seed: scope.config.seed, ...data, resume };
  scope.logger.info(`DPO (β ${o.beta}) on ${job.train.length} comparisons (${job.validation.length} held out), ${model.arch.family} ${model.arch.config.numLayers} layers`);
  const result = await scope.resolve(DpoTrainer).run(job, run.hooks(o.keepLast, (dir) => tokenizer.save(dir), io.onStep), io.signal);
  const final = await run.publishFinal();
  await run.writeReport();
  return { result, model: final, run };
}
