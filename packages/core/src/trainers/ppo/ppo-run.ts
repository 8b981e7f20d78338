import type { TensorBackend } from '../../backend/tensor-backend';
import { OkapiError } from '../../errors/okapi-error';
import { saveModelDirectory } from '../../models/model-directory';
import type { ModelWeights } from '../../models/parameter-init';
import type { ResidentWeights } from '../../models/runtime/resident-weights';
import { Rng } from '../../util/rng';
import { saveTrainerState } from '../engine/optimizer-state-file';
import type { ParameterStore } from '../engine/parameter-store';
import type { StepResult, StepRunner } from '../engine/step-runner';
import { lrMultiplier } from '../schedules/lr-schedule';
import type { TrainerState, TrainResult } from '../trainer';
import type { KlController } from './kl-controller';
import { computeAdvantages } from './ppo-advantages';
import { evaluatePolicy } from './ppo-evaluator';
import type { PpoHooks, PpoJob, PpoProgress } from './ppo-job';
import { iterationMetrics } from './ppo-metrics';
import { RolloutCollector, type PpoSample } from './ppo-rollouts';
import { checkSampleGroups, generationLength, klController, promptLimit, uploadModels } from './ppo-setup';
import { PpoUpdater, stepsPerIteration } from './ppo-update';
import { PolicyGenerator, type PolicySampling } from './policy-generator';
import { PromptCursor } from './prompt-cursor';
import { RolloutScorer } from './rollout-scorer';

/** One PPO run's live state: models on the device, RNG, data cursor, KL controller and counters. */
export class PpoRun {
  private readonly store: ParameterStore;
  private readonly reference: ResidentWeights;
  private readonly runner: StepRunner;
  private readonly generator: PolicyGenerator;
  private readonly scorer: RolloutScorer;
  private readonly collector: RolloutCollector;
  private readonly updater: PpoUpdater;
  private readonly kl: KlController;
  private rng: Rng;
  private cursor: PromptCursor<PpoJob['train'][number]>;
  private readonly sampling: PolicySampling;
  private readonly maxPromptLength: number;
  private readonly perIteration: number;
  readonly totalSteps: number;
  private readonly iterations: number;
  private iteration: number;
  private step: number;

  constructor(backend: TensorBackend, private readonly job: PpoJob) {
    const o = job.options;
    if (job.train.length === 0) throw new OkapiError('PPO has no training prompts', { hint: 'Check ppo.data, and that ppo.validationSplit leaves prompts to train on.' });
    // checks that may throw come before anything is uploaded
    checkSampleGroups(o);
    const maxLength = generationLength(job);
    this.maxPromptLength = promptLimit(job);
    ({ store: this.store, reference: this.reference, runner: this.runner } = uploadModels(backend, job));
    this.generator = new PolicyGenerator(backend, job.model.arch, () => this.store.weightFeeds(), maxLength);
    this.scorer = new RolloutScorer(backend, job.model.arch, o.temperature);
    this.sampling = { maxNewTokens: o.maxNewTokens, eosIds: job.eosIds, padId: job.padId, doSample: true, temperature: o.temperature, topK: o.topK, topP: o.topP };
    this.collector = new RolloutCollector(this.generator, this.scorer, job.reward, job.decode,
      { sampling: this.sampling, chunkSize: o.chunkSize, maxPromptLength: this.maxPromptLength, maxLength, rewardClip: o.rewardClip, lang: job.lang,
        samplesPerPrompt: o.samplesPerPrompt, rewardBaseline: o.rewardBaseline });
    this.updater = new PpoUpdater(backend, this.runner, { ppoEpochs: o.ppoEpochs, batchSize: o.batchSize, miniBatchSize: o.miniBatchSize, padId: job.padId, maxLength });
    const saved = job.resume?.state.extra as PpoProgress | undefined;
    this.kl = klController(o, saved?.klController);
    this.rng = saved ? Rng.fromState(saved.rng) : Rng.fromSeed(`${job.seed}/ppo/rollouts`);
    this.cursor = new PromptCursor(job.train, job.seed, saved?.cursor ?? 0);
    this.iteration = saved?.iteration ?? 0;
    this.step = job.resume?.state.step ?? 0;
    this.perIteration = stepsPerIteration(o.numRollouts, o);
    this.iterations = o.maxSteps === undefined ? o.iterations : Math.ceil(o.maxSteps / this.perIteration);
    this.totalSteps = this.iterations * this.perIteration;
  }

  async train(hooks: PpoHooks, signal: AbortSignal): Promise<TrainResult> {
    const o = this.job.options;
    let last: Record<string, number> = {};
    if (this.step === 0) await this.evaluate(hooks, last);
    while (this.iteration < this.iterations && !signal.aborted) {
      const before = this.step;
      const metrics = await this.iterate(hooks, signal);
      if (metrics === undefined) break;
      last = metrics;
      const crossed = (every: number) => Math.floor(this.step / every) > Math.floor(before / every);
      if (crossed(o.evalEvery) || this.iteration === this.iterations) last = await this.evaluate(hooks, last);
      if (last.kl! > o.klStop) {
        await this.checkpoint(hooks);
        return { stage: 'ppo', steps: this.step, metrics: { ...last, klStopped: 1 }, interrupted: false };
      }
      if (crossed(o.saveEvery) && this.iteration < this.iterations) await this.checkpoint(hooks);
    }
    await this.checkpoint(hooks);
    return { stage: 'ppo', steps: this.step, metrics: last, interrupted: this.iteration < this.iterations };
  }

  async dispose(): Promise<void> {
    await this.generator.dispose();
    await this.scorer.dispose();
    await this.runner.dispose();
    this.reference.dispose();
    this.store.dispose();
  }

  /**
   * One rollout + optimisation iteration; returns its logged metrics. An abort during the rollouts
   * undoes the iteration's draws (RNG, cursor), so the checkpoint then written is exactly resumable;
   * once training has started the iteration runs to its end.
   */
  private async iterate(hooks: PpoHooks, signal: AbortSignal): Promise<Record<string, number> | undefined> {
    const o = this.job.options;
    const [rngAtStart, cursorAtStart] = [this.rng.state(), this.cursor.position];
    const prompts = this.cursor.takeGroups(o.numRollouts, o.samplesPerPrompt);
    const collected = await this.collector.collect(prompts, this.rng, this.store.weightFeeds(), this.reference.tensors, signal);
    if (collected === undefined) {
      this.rng = Rng.fromState(rngAtStart);
      this.cursor = new PromptCursor(this.job.train, this.job.seed, cursorAtStart);
      return undefined;
    }
    const { samples, timings } = collected;
    await this.guardRollouts(samples, hooks);
    const adv = computeAdvantages(samples, this.kl.value, o.gamma, o.lam);
    const started = performance.now();
    const results: StepResult[] = [];
    const lrAt = () => ({ lr: o.learningRate * lrMultiplier(this.step, { kind: o.schedule, warmupSteps: o.warmupSteps, totalSteps: this.totalSteps }), step: this.step + 1 });
    await this.updater.run(samples, adv, this.rng, lrAt, async (result, batch) => {
      this.step++;
      if (!Number.isFinite(result.loss) || !Number.isFinite(result.gradNorm)) await this.nonFinite(hooks, { loss: result.loss, gradNorm: result.gradNorm, ...result.metrics }, batch);
      results.push(result);
    });
    const metrics = iterationMetrics(samples, adv, results, { ...timings, training: (performance.now() - started) / 1000 }, this.kl.value);
    this.kl.update(metrics.kl!, o.numRollouts);
    this.iteration++;
    const values = { ...metrics, iteration: this.iteration, lr: lrAt().lr };
    await hooks.onStepEnd?.({ stage: 'ppo', step: this.step, totalSteps: this.totalSteps, values });
    return values;
  }

  private async evaluate(hooks: PpoHooks, last: Record<string, number>): Promise<Record<string, number>> {
    if (this.job.validation.length === 0) return last;
    const o = this.job.options;
    const held = await evaluatePolicy(this.generator, this.job.reward, this.job.validation,
      { sampling: this.sampling, chunkSize: o.chunkSize, maxPromptLength: this.maxPromptLength, lang: this.job.lang, decode: this.job.decode });
    const values = { ...last, ...held };
    await hooks.onEvaluate?.({ stage: 'ppo', step: this.step, totalSteps: this.totalSteps, values: held });
    return values;
  }

  private state(): TrainerState {
    const extra: PpoProgress = { seed: this.job.seed, iteration: this.iteration, klController: this.kl.state(), rng: this.rng.state(), cursor: this.cursor.position };
    return { stage: 'ppo', step: this.step, extra: { ...extra } };
  }

  private async checkpoint(hooks: PpoHooks): Promise<void> {
    const state = this.state();
    await hooks.onCheckpoint?.(state, async (dir) => {
      await saveModelDirectory(dir, this.job.model.arch, await this.store.downloadWeights() as ModelWeights);
      await saveTrainerState(dir, state, await this.store.downloadMoments());
    });
  }

  private async guardRollouts(samples: readonly PpoSample[], hooks: PpoHooks): Promise<void> {
    const bad = samples.filter((s) => ![s.rawScore, ...s.logprobs, ...s.refLogprobs, ...s.values].every(Number.isFinite));
    if (bad.length > 0) await this.nonFinite(hooks, { nonFiniteRollouts: bad.length }, bad);
  }

  private async nonFinite(hooks: PpoHooks, values: Record<string, number>, batch: readonly PpoSample[]): Promise<never> {
    const rollouts = batch.map((s) => ({ prompt: s.prompt.text, response: s.response, score: s.rawScore, queryIds: s.queryIds, responseIds: s.responseIds }));
    await hooks.onNonFinite?.({ step: this.step, iteration: this.iteration, values, rollouts });
    throw new OkapiError(`PPO stopped: a non-finite loss, gradient or rollout value at step ${this.step} (iteration ${this.iteration + 1}): ${JSON.stringify(values)}`, {
      hint: 'The offending batch was saved next to the checkpoints. Resume from the last checkpoint (--resume) with a lower learning rate, a tighter rewardClip or maxGradNorm.',
    });
  }
}
