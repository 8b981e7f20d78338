import path from 'node:path';
import { activateBackend } from '../backend/activate-backend';
import { writeJsonAtomic } from '../checkpoint/atomic-write';
import type { InstructionDataRecord } from '../data/records';
import { assignSplits } from '../data/split';
import type { RunScope } from '../di/run-scope';
import { OkapiError } from '../errors/okapi-error';
import { FamilyRegistry } from '../models/family-registry';
import { loadModelDirectory } from '../models/model-directory';
import type { Prompter } from '../prompting/prompter';
import { PrompterFactory } from '../prompting/prompter-factory';
import { RewardFactory } from '../reward/reward-factory';
import type { RewardSpec } from '../reward/reward-model';
import { RunDirectory } from '../runs/run-directory';
import { loadTokenizer } from '../tokenizer/load-tokenizer';
import type { Tokenizer } from '../tokenizer/tokenizer';
import { loadTrainerState } from '../trainers/engine/optimizer-state-file';
import type { PpoHooks, PpoJob, PpoPrompt } from '../trainers/ppo/ppo-job';
import type { PpoOptions } from '../trainers/ppo/ppo-options';
import { PpoTrainer } from '../trainers/ppo/ppo-trainer';
import type { StepMetrics } from '../trainers/trainer';
import type { StageResult } from './sft-stage';
import { readStageRecords, required, resolveUserPath, type StageRunOptions } from './stage-io';
import { stageRunConfig } from './stage-resume';

/**
 * `okapi ppo`: loads the SFT model (policy start and frozen reference) and its tokenizer, reads RL
 * prompts, renders Okapi prompts, splits 95/5 (seeded), builds the reward model from `ppo.reward`,
 * trains, and publishes `<output>/final` (HF directory with the value head and the tokenizer).
 */
export async function runPpoStage(scope: RunScope, o: PpoOptions, io: StageRunOptions & { onStep?: (m: StepMetrics) => void }): Promise<StageResult> {
  const modelDir = resolveUserPath(scope, required(o.model, 'ppo.model', '--model DIR'));
  const data = required(o.data, 'ppo.data', '--data FILE|DIR');
  await activateBackend(scope);
  const reward = await scope.resolve(RewardFactory).create(o.reward, 'ppo.reward');
  const model = await loadModelDirectory(modelDir, scope.resolve(FamilyRegistry), { logger: scope.logger });
  const tokenizer = await loadTokenizer(modelDir);
  const records = await readStageRecords(scope, data, o.format, ['instruction'], io.onInvalid);
  const prompts = await ppoPrompts(records, tokenizer, scope.resolve(PrompterFactory).create());
  const split = o.validationSplit === 0 ? new Uint8Array(prompts.length) : assignSplits(prompts.length, [1 - o.validationSplit, o.validationSplit], scope.config.seed);
  const run = await RunDirectory.open(resolveUserPath(scope, io.output), `PPO · ${scope.config.lang} · ${modelDir}`, stageRunConfig(scope, 'ppo', { ...o, reward: rewardWithAbsoluteModel(scope, o.reward) }, { model: modelDir, data }));
  try {
    const job: PpoJob = {
      options: o, model, reward, lang: scope.config.lang, seed: scope.config.seed,
      decode: (ids) => tokenizer.decodeBatch(ids, { skipSpecialTokens: true }),
      eosIds: model.family.tokenizer.stopIds(tokenizer.special, model.arch.config),
      padId: model.family.tokenizer.padId(tokenizer.special, model.arch.config),
      train: prompts.filter((_, i) => split[i] === 0),
      validation: prompts.filter((_, i) => split[i] === 1),
      resume: io.resume ? await resumeFrom(run, scope) : undefined,
    };
    scope.logger.info(`PPO on ${job.train.length} prompts (${job.validation.length} held out), reward '${reward.id}', ${model.arch.family} ${model.arch.config.numLayers} layers`);
    const result = await scope.resolve(PpoTrainer).run(job, ppoHooks(run, o, tokenizer, io.onStep), io.signal);
    if (result.metrics.klStopped === 1) scope.logger.warn(`PPO stopped early: mean KL ${result.metrics.kl?.toFixed(2)} exceeded ppo.klStop (${o.klStop}).`);
    const final = await run.publishFinal();
    await run.writeReport();
    return { result, model: final, run };
  } finally {
    await reward.dispose?.();
  }
}

/** The reward spec as recorded for --resume: a reward model directory (the learned reward's) made absolute. */
function rewardWithAbsoluteModel(scope: RunScope, reward: RewardSpec): RewardSpec {
  if (typeof reward === 'string' || typeof reward.options !== 'object' || reward.options === null) return reward;
  const model = (reward.options as { model?: unknown }).model;
  return typeof model === 'string' ? { ...reward, options: { ...reward.options, model: resolveUserPath(scope, model) } } : reward;
}

/** Okapi prompts as token ids; the reference lets rule rewards check answers (demo tasks, exact answers). */
async function ppoPrompts(records: readonly InstructionDataRecord[], tokenizer: Tokenizer, prompter: Prompter): Promise<PpoPrompt[]> {
  const prompts: PpoPrompt[] = [];
  for (const r of records) {
    const text = prompter.render(r);
    const reference = { instruction: r.instruction, input: r.input, ...(r.output.trim() === '' ? {} : { answer: r.output }) };
    prompts.push({ ids: await tokenizer.encode(text), text, reference });
  }
  return prompts;
}

function ppoHooks(run: RunDirectory, o: PpoOptions, tokenizer: Tokenizer, onStep?: (m: StepMetrics) => void): PpoHooks {
  return {
    ...run.hooks(o.keepLast, (dir) => tokenizer.save(dir), onStep),
    // the evidence of a NaN/∞ step, beside the checkpoints (the weights after it are not worth saving)
    onNonFinite: (report) => writeJsonAtomic(path.join(run.root, `nonfinite-step-${report.step}.json`), report),
  };
}

async function resumeFrom(run: RunDirectory, scope: RunScope): Promise<PpoJob['resume']> {
  const latest = run.latestCheckpoint();
  if (latest === undefined) return undefined;
  scope.logger.info(`resuming from ${latest.path}`);
  const { state, moments } = await loadTrainerState(latest.path);
  if (state.stage !== 'ppo') {
    throw new OkapiError(`${latest.path} is a '${state.stage}' checkpoint; --resume continues a PPO run only.`, { hint: 'Point --output at the PPO run directory, or drop --resume to start a new run.' });
  }
  const { weights } = await loadModelDirectory(latest.path, scope.resolve(FamilyRegistry), { head: 'value' });
  return { state, weights, moments };
}
