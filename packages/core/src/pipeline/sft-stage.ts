import { assignSplits } from '../data/split';
import { tokenizeInstruction } from '../data/tokenized/tokenize-instruction';
import type { TokenizedExample } from '../data/tokenized/tokenize-instruction';
import type { RunScope } from '../di/run-scope';
import { activateBackend } from '../backend/activate-backend';
import { FamilyRegistry } from '../models/family-registry';
import { loadModelDirectory } from '../models/model-directory';
import { PrompterFactory } from '../prompting/prompter-factory';
import { RunDirectory } from '../runs/run-directory';
import { loadTokenizer } from '../tokenizer/load-tokenizer';
import type { Tokenizer } from '../tokenizer/tokenizer';
import { loadTrainerState } from '../trainers/engine/optimizer-state-file';
import { loadLoraAdapters } from '../trainers/lora/lora-files';
import type { SftOptions } from '../trainers/sft/sft-options';
import { SftTrainer, type SftJob } from '../trainers/sft/sft-trainer';
import type { StepMetrics, TrainResult } from '../trainers/trainer';
import { readStageRecords, required, resolveUserPath, type StageRunOptions } from './stage-io';
import { stageRunConfig } from './stage-resume';

export interface StageResult {
  readonly result: TrainResult;
  /** The trained model directory (`<output>/final`). */
  readonly model: string;
  readonly run: RunDirectory;
}

/**
 * `okapi sft`: reads the model, tokenizer and instruction data, renders Okapi prompts, splits 90/10
 * (seeded), tokenises, trains, and publishes `<output>/final` (HF directory with the tokenizer).
 */
export async function runSftStage(scope: RunScope, o: SftOptions, io: StageRunOptions & { onStep?: (m: StepMetrics) => void }): Promise<StageResult> {
  const modelDir = resolveUserPath(scope, required(o.model, 'sft.model', '--model DIR'));
  const data = required(o.data, 'sft.data', '--data FILE|DIR');
  await activateBackend(scope);
  const model = await loadModelDirectory(modelDir, scope.resolve(FamilyRegistry), { logger: scope.logger });
  const tokenizer = await loadTokenizer(modelDir);
  const records = await readStageRecords(scope, data, o.format, ['instruction'], io.onInvalid);
  const prompter = scope.resolve(PrompterFactory).create();
  const eos = model.family.tokenizer.stopIds(tokenizer.special, model.arch.config)[0];
  const examples: TokenizedExample[] = [];
  for (const record of records) {
    examples.push(await tokenizeInstruction(record, { encoder: tokenizer, render: (r) => prompter.render(r), maxLength: o.maxLength, eosId: o.appendEos ? eos : undefined }));
  }
  const split = assignSplits(examples.length, [1 - o.validationSplit, o.validationSplit], scope.config.seed);
  const run = await RunDirectory.open(resolveUserPath(scope, io.output), `SFT · ${scope.config.lang} · ${modelDir}`, stageRunConfig(scope, 'sft', o, { model: modelDir, data }));
  const job: SftJob = {
    options: o, model, seed: scope.config.seed, baseModelPath: modelDir,
    padId: model.family.tokenizer.padId(tokenizer.special, model.arch.config),
    train: examples.filter((_, i) => split[i] === 0),
    validation: examples.filter((_, i) => split[i] === 1),
    resume: io.resume ? await resumeFrom(run, scope) : undefined,
  };
  scope.logger.info(`SFT on ${job.train.length} examples (${job.validation.length} held out), ${model.arch.family} ${model.arch.config.numLayers} layers`);
  const result = await scope.resolve(SftTrainer).run(job, run.hooks(o.keepLast, saveTokenizer(tokenizer), io.onStep), io.signal);
  const final = await run.publishFinal();
  await run.writeReport();
  return { result, model: final, run };
}

async function resumeFrom(run: RunDirectory, scope: RunScope): Promise<SftJob['resume']> {
  const latest = run.latestCheckpoint();
  if (latest === undefined) return undefined;
  scope.logger.info(`resuming from ${latest.path}`);
  const { state, moments } = await loadTrainerState(latest.path);
  // an unmerged LoRA checkpoint's adapters resume apart from its base weights, never merged in
  const { weights } = await loadModelDirectory(latest.path, scope.resolve(FamilyRegistry), { adapters: 'ignore' });
  return { state, weights, moments, adapters: await loadLoraAdapters(latest.path) };
}

const saveTokenizer = (tokenizer: Tokenizer) => (dir: string) => tokenizer.save(dir);
